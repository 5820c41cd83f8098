package workbook.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HintCommandTest {
    @Test
    void eachCallRevealsOneMoreHintAndTheCountSurvivesARestart(@TempDir Path state) {
        HintLedger first = new HintLedger(state, "lesson3");
        assertThat(first.reveal("03-update-alice", 3)).isEqualTo(1);
        assertThat(first.reveal("03-update-alice", 3)).isEqualTo(2);
        HintLedger again = new HintLedger(state, "lesson3");
        assertThat(again.shown("03-update-alice")).isEqualTo(2);
        assertThat(again.reveal("03-update-alice", 3)).isEqualTo(3);
        assertThat(again.reveal("03-update-alice", 3)).as("never past the last hint").isEqualTo(3);
        assertThat(again.shown("01-add-columns")).isZero();
        again.reset("03-update-alice");
        assertThat(new HintLedger(state, "lesson3").shown("03-update-alice")).isZero();
        assertThat(Files.exists(state.resolve("hints/lesson3.properties"))).isTrue();
    }

    @Test
    void hintCommandShowsTheNextHintThenSaysWhenAllAreShown() throws Exception {
        Path home = Files.createTempDirectory("home-");
        // a checkout of its own, so the test's ledger is not the developer's
        copy(CheckerFixture.HOME.root().resolve("exercises"), home.resolve("exercises"));
        Files.writeString(home.resolve("jbang-catalog.json"), "{}");
        String previous = System.getProperty("workbook.home");
        System.setProperty("workbook.home", home.toString());
        try {
            String one = run("lesson3", "4");
            assertThat(one).contains("Task 4: Delete Bob").contains("hint 1/3: What picks Bob's row").doesNotContain("DELETE FROM", "hint 2/3");
            String two = run("lesson3", "04-delete-bob");
            assertThat(two).contains("hint 1/3").contains("hint 2/3: DELETE removes rows").doesNotContain("hint 3/3");
            String three = run("lesson3", "4");
            assertThat(three).contains("hint 3/3: DELETE FROM users WHERE email = 'bob@example.com';")
                    .contains("That was the last hint; all 3 hints of task 4 are shown").contains("solutions/lesson3/04-delete-bob.sql");
            assertThat(run("lesson3", "4")).contains("All 3 hints of task 4 are shown");
        } finally {
            if (previous == null) {
                System.clearProperty("workbook.home");
            } else {
                System.setProperty("workbook.home", previous);
            }
        }
    }

    @Test
    void unknownTaskOrLessonIsBadInput() {
        assertThat(workbook.cli.CommandRunner.run(new HintCommand(), "lesson3", "9")).isEqualTo(2);
        assertThat(workbook.cli.CommandRunner.run(new HintCommand(), "lesson99", "1")).isEqualTo(2);
    }

    private static String run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Console.system() holds the original stdout, so the command is run with a console of the test's own
        HintCommand command = new HintCommand();
        command.console = new workbook.terminal.Console(new PrintStream(out, true, StandardCharsets.UTF_8), saved, false);
        int code = workbook.cli.CommandRunner.run(command, args);
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
