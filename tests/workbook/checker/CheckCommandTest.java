package workbook.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import workbook.cli.CommandRunner;
import workbook.terminal.Console;

/** The command as a learner meets it: what it prints and the exit code a script can rely on. */
class CheckCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int check(String... args) {
        CheckCommand command = new CheckCommand();
        command.console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8), false);
        return CommandRunner.run(command, args);
    }

    private static String url(CheckerFixture fixture) {
        return fixture.crmDb.jdbcUrl() + "?user=" + fixture.crmDb.user() + "&password=" + fixture.crmDb.password();
    }

    @Test
    void startersFailWithTheNextCommandToRun() {
        CheckerFixture fixture = new CheckerFixture("crm_cmd");
        int code = check("lesson3", "--url", url(fixture));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(1);
        assertThat(text).contains("· 1. Add four columns to users  not attempted yet: exercises/lesson3/01-add-columns.sql has no SQL")
                .contains("Progress: 0/4 tasks, bonus pending · 0/21 points (+0/2 bonus)")
                .contains("Next: write task 1 in exercises/lesson3/01-add-columns.sql, then `./jbang check lesson3 --task 1`. Stuck? `./jbang hint lesson3 1`")
                .contains("crm_db is not touched");
    }

    @Test
    void liveOnTheFinishedWorkPassesWithExitZero() throws Exception {
        CheckerFixture fixture = new CheckerFixture("crm_cmd_live");
        try (var c = workbook.TestDatabase.connect(fixture.crmDb); var s = c.createStatement()) {
            s.execute(Files.readString(CheckerFixture.LESSON3.setupFile()));
            for (var task : CheckerFixture.LESSON3.tasks()) {
                s.execute(Files.readString(CheckerFixture.LESSON3.solutionFile(task)));
            }
        }
        int code = check("lesson3", "--live", "--url", url(fixture));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isZero();
        assertThat(text).contains("✓ 1. Add four columns to users  10/10").contains("✓ 5. Bonus: an index for login lookups  2/2")
                .contains("· not judged live: 2. Insert Bob, 4. Delete Bob")
                .contains("Progress: 2/2 tasks judged, bonus done · 14/21 points (+2/2 bonus)")
                .contains("All done. Compare with the reference solutions in solutions/lesson3/");
    }

    @Test
    void badInputIsExitTwoAndNoDatabaseIsExitThree() {
        assertThat(check("lesson99")).isEqualTo(2);
        assertThat(check("lesson3", "--task", "7", "--url", "jdbc:postgresql://localhost:1/crm_db")).isEqualTo(2);
        assertThat(check("lesson3", "--live", "--watch", "--url", "jdbc:postgresql://localhost:1/crm_db")).isEqualTo(2);
        assertThat(check("lesson3", "--url", "jdbc:postgresql://localhost:1/crm_db")).isEqualTo(3);
    }
}
