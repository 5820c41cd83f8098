package workbook.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.ExitCode;
import workbook.UserError;
import workbook.progress.ProgressStore;

/** A reference solution opens only after the task passed in check, or after every hint and giving up. */
class SolutionCommandTest {
    @TempDir
    Path dir;

    private SolutionCommand solution(CourseCopy course) {
        SolutionCommand command = new SolutionCommand();
        command.console = course.console;
        return command;
    }

    @Test
    void refusedBeforeThePassAndShownAfterCheckPassedTheTask() throws Exception {
        CheckerFixture fixture = new CheckerFixture("crm_solution");
        try (CourseCopy course = new CourseCopy(dir)) {
            SolutionCommand early = solution(course);
            early.arguments = TaskArguments.of("lesson3", "4");
            assertThatThrownBy(early::call).isInstanceOf(UserError.class)
                    .hasMessage("Task 4's solution opens once it passes `./jbang check lesson3 --task 4`, or after its last hint (0 of 3 seen: `./jbang hint lesson3 4`).")
                    .extracting(e -> ((UserError) e).exitCode()).isEqualTo(ExitCode.CHECKS_FAILED);

            Path file = course.home.exercisesDir().resolve("lesson3/04-delete-bob.sql");
            Files.writeString(file, Files.readString(file) + "DELETE FROM users WHERE email = 'bob@example.com';\n");
            CheckCommand check = new CheckCommand();
            check.console = course.console;
            String url = fixture.crmDb.jdbcUrl() + "?user=" + fixture.crmDb.user() + "&password=" + fixture.crmDb.password();
            CourseCopy.Ran checked = course.run(check, "lesson3", "--task", "4", "--url", url);
            assertThat(checked.exit()).as(checked.text()).isZero();

            CourseCopy.Ran shown = course.run(solution(course), "lesson3", "4");
            assertThat(shown.exit()).as(shown.text()).isZero();
            assertThat(shown.text()).contains("Task 4: Delete Bob, the reference solution (solutions/lesson3/04-delete-bob.sql)")
                    .contains(Files.readString(course.home.solutionsDir().resolve("lesson3/04-delete-bob.sql")).strip());
            assertThat(new ProgressStore(course.home, s -> { }).read().task("lesson3", "04-delete-bob").firstPassed()).isNotNull();
        }
    }

    @Test
    void afterEveryHintGivingUpIsConfirmedRecordedAndOpensIt() throws Exception {
        try (CourseCopy course = new CourseCopy(dir)) {
            HintLedger hints = new HintLedger(course.home.stateDir(), "lesson3");
            hints.reveal("03-update-alice", 3);
            hints.reveal("03-update-alice", 3);
            SolutionCommand twoOfThree = solution(course);
            twoOfThree.arguments = TaskArguments.of("lesson3", "3");
            assertThatThrownBy(twoOfThree::call).hasMessageContaining("after its last hint (2 of 3 seen");

            hints.reveal("03-update-alice", 3);
            SolutionCommand unasked = solution(course);
            unasked.arguments = TaskArguments.of("lesson3", "3");
            // no terminal to ask on in a test: giving up needs --yes, and nothing is recorded without it
            assertThatThrownBy(unasked::call).isInstanceOf(UserError.class).hasMessageContaining("Give up and see the solution?")
                    .hasMessageContaining("Run `./jbang solution lesson3 3 --yes` to confirm");
            assertThat(new ProgressStore(course.home, s -> { }).read().task("lesson3", "03-update-alice")).isNull();

            CourseCopy.Ran shown = course.run(solution(course), "lesson3", "3", "--yes");
            assertThat(shown.exit()).as(shown.text()).isZero();
            assertThat(shown.text()).contains("Task 3: Update Alice, the reference solution").contains("UPDATE users");
            assertThat(new ProgressStore(course.home, s -> { }).read().task("lesson3", "03-update-alice").gaveUp()).isNotNull();
            assertThat(course.run(solution(course), "lesson3", "3").exit()).as("recorded: no second question").isZero();
        }
    }

    @Test
    void theLastHintPointsAtTheCommandNotTheFolder() throws Exception {
        try (CourseCopy course = new CourseCopy(dir)) {
            HintCommand hint = new HintCommand();
            hint.console = course.console;
            course.run(hint, "lesson3", "4");
            course.run(hint, "lesson3", "4");
            String last = course.run(hint, "lesson3", "4").text();
            assertThat(last).contains("`./jbang solution lesson3 4`").doesNotContain("solutions/");
        }
    }
}
