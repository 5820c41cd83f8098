package workbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.Slow;
import workbook.TestDatabase;
import workbook.WorkbookHome;
import workbook.cli.CommandJvm;
import workbook.db.ConnectionInfo;
import workbook.progress.NotebookProgress;
import workbook.progress.ProgressStore;

/** A plain run of a lesson offers to continue where the last walk was, whether it was quit or killed. */
@Slow
class ResumeWalkTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path home;

    @BeforeEach
    void needsAPseudoTerminal() {
        Assumptions.assumeTrue(PseudoTerminal.available(), "util-linux `script` is not installed");
    }

    @Test
    void continuesAfterQuitAndAfterAKillStartsOverOnSAndFromGoesWhereItSays() throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("walk_resume");
        Files.createDirectories(home.resolve("lessons"));
        Files.writeString(home.resolve("lessons/walk.md"), """
                # A walk

                ```sql id=one
                SELECT 1 AS one;
                ```

                ```sql id=two
                SELECT 2 AS two;
                ```

                ```sql id=three
                SELECT 3 AS three;
                ```
                """);
        try (PseudoTerminal pty = walk(db)) {
            pty.expect("Enter run", WAIT);
            pty.type("\r");
            pty.expect("Step 2 of 3", WAIT);
            pty.expect("Enter run", WAIT);
            pty.type("q");
            pty.expect("Left at step 2. Come back with `./jbang walk`: it offers to continue here.", WAIT);
            assertThat(pty.exitCode(WAIT)).isZero();
        }
        try (PseudoTerminal pty = walk(db)) {
            pty.expect("walk: continue at step 2 of 3 (Enter) or start over (s)?", WAIT);
            pty.type("\r");
            assertThat(pty.expect("Enter run", WAIT)).contains("Step 2 of 3").doesNotContain("Step 1 of 3");
            pty.type("s");
            pty.expect("Step 3 of 3", WAIT);
            pty.expect("Enter run", WAIT);
            // killed, not quit: what was saved as the step was reached is all there is
            ProcessHandle.current().descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains("-Dworkbook.home=" + home))
                    .forEach(ProcessHandle::destroyForcibly);
            pty.exitCode(WAIT);
        }
        try (PseudoTerminal pty = walk(db)) {
            pty.expect("walk: continue at step 3 of 3 (Enter) or start over (s)?", WAIT);
            pty.type("s");
            assertThat(pty.expect("Enter run", WAIT)).contains("Step 1 of 3");
            pty.type("q");
            pty.expect("Left at step 1", WAIT);
            assertThat(pty.exitCode(WAIT)).isZero();
        }
        NotebookProgress saved = new ProgressStore(new WorkbookHome(home), s -> { }).read().notebook("walk");
        // step 1 ran; step 2 was skipped with s, which does not count it as done
        assertThat(saved).as("the bookmark follows the walk; what was done stays done").isEqualTo(new NotebookProgress(1, 1, 3));
        try (PseudoTerminal pty = walk(db, "--from", "2")) {
            assertThat(pty.expect("Enter run", WAIT)).contains("Step 2 of 3").doesNotContain("continue at");
            pty.type("q");
            assertThat(pty.exitCode(WAIT)).isZero();
        }
    }

    @Test
    void quittingWhileTheProseAfterAStepPagesKeepsTheNextStep() throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("walk_resume_paging");
        Files.createDirectories(home.resolve("lessons"));
        // more prose between the two steps than the 50-row terminal shows at once, so the walk pages it
        Files.writeString(home.resolve("lessons/walk.md"), "# A walk\n\n```sql id=one\nSELECT 1 AS one;\n```\n\n"
                + "A line of prose.\n\n".repeat(60) + "```sql id=two\nSELECT 2 AS two;\n```\n");
        try (PseudoTerminal pty = walk(db)) {
            pty.expect("Enter run", WAIT);
            pty.type("\r");
            pty.expect("more: Enter", WAIT);
            pty.type("q");
            pty.expect("Left at step 2.", WAIT);
            assertThat(pty.exitCode(WAIT)).isZero();
        }
        try (PseudoTerminal pty = walk(db)) {
            pty.expect("walk: continue at step 2 of 2 (Enter) or start over (s)?", WAIT);
            pty.type("q");
            assertThat(pty.exitCode(WAIT)).isZero();
        }
    }

    private PseudoTerminal walk(ConnectionInfo db, String... more) throws java.io.IOException {
        List<String> args = new java.util.ArrayList<>(List.of("walk", "--url", LessonRun.url(db)));
        args.addAll(List.of(more));
        return PseudoTerminal.start(PseudoTerminal.quote(CommandJvm.command(List.of("-Dworkbook.home=" + home),
                "Lesson", args.toArray(String[]::new))), home, 100);
    }
}
