package workbook.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import workbook.Slow;
import workbook.TestDatabase;
import workbook.checker.CheckCellKind;
import workbook.cli.CommandRunner;
import workbook.db.ConnectionInfo;
import workbook.notebook.LessonCommand;
import workbook.terminal.Console;

/**
 * What the lesson's Java section promises, checked through `--run-all`: Carol and Dave are visible inside
 * its transaction, share one NOW(), and are gone afterwards, so the database ends as the assignment
 * expects it (users holding Alice only), and the assignment's check cell leaves it so too.
 */
@Slow
class Lesson3RunAllTest {

    @Test
    void theJavaDemoUsersShareOneTransactionAndAreRolledBack() throws SQLException {
        ConnectionInfo db = TestDatabase.freshDatabase("lesson3_java");
        String output = runAll(db, new LessonCommand().withKind(new CheckCellKind()));

        // values print as JShell shows them; quotes around strings in a list are the renderer's choice
        assertThat(output).containsPattern("\\[\"?alice@example\\.com\"?, \"?carol@example\\.com\"?]")
                .contains("email=dave@example.com, passwordHash=placeholder_hash_dave")
                .contains("Add four columns to users", "not attempted yet")
                .doesNotContain("steps failed");
        // the lesson tells its sessions apart in pg_stat_activity by the name each one gives
        assertThat(output).contains("workbook sql cells");
        Matcher demo = Pattern.compile("([0-9T:.+Z-]+)  carol@example\\.com\"?,\\s*\"?([0-9T:.+Z-]+)  dave@example\\.com").matcher(output);
        assertThat(demo.find()).as(output).isTrue();
        assertThat(demo.group(1)).as("NOW() is the transaction's start").isEqualTo(demo.group(2));

        try (Connection c = TestDatabase.connect(db)) {
            assertThat(emails(c)).containsExactly("alice@example.com");
        }
    }

    @Test
    void aSecondRunKeepsAliceAndStillEndsWithHerAlone() throws SQLException {
        ConnectionInfo db = TestDatabase.freshDatabase("lesson3_java_again");
        runAll(db, new LessonCommand());
        String again = runAll(db, new LessonCommand());

        assertThat(again).contains("Already there from an earlier run, kept").doesNotContain("steps failed");
        try (Connection c = TestDatabase.connect(db)) {
            assertThat(emails(c)).containsExactly("alice@example.com");
        }
    }

    @Test
    void startingAtAStepThatNeedsTheTransactionRunsItsBeginFirstSoCarolIsRolledBack() throws SQLException {
        ConnectionInfo db = TestDatabase.freshDatabase("lesson3_from");
        runAll(db, new LessonCommand());

        String fromCarol = runAll(db, new LessonCommand(), "--from", "java-insert-carol");

        assertThat(fromCarol).containsPattern("needs step \\d+ \\(java-begin\\) first").doesNotContain("steps failed");
        try (Connection c = TestDatabase.connect(db)) {
            assertThat(emails(c)).as("Carol was inserted inside the transaction the lesson rolls back").containsExactly("alice@example.com");
        }
    }

    /** Runs the lesson as `./jbang lesson3 --run-all` does; the check cell runs only when its kind is registered. */
    private static String runAll(ConnectionInfo db, LessonCommand lesson, String... more) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        String url = db.jdbcUrl() + "?user=" + db.user() + "&password=" + db.password();
        List<String> args = new ArrayList<>(List.of("lesson3", "--url", url, "--run-all"));
        args.addAll(List.of(more));
        int code = CommandRunner.run(lesson.printingTo(new Console(out, out, false)), args.toArray(String[]::new));
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(code).as(output).isZero();
        return output;
    }

    private static List<String> emails(Connection c) throws SQLException {
        List<String> emails = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT email FROM users ORDER BY email")) {
            while (rs.next()) {
                emails.add(rs.getString(1));
            }
        }
        return emails;
    }
}
