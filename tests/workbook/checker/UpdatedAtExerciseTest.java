package workbook.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.TestDatabase;
import workbook.checker.result.CheckReport;
import workbook.checker.result.TaskResult;
import workbook.checker.run.AssignmentChecker;
import workbook.checker.run.ServerAccess;
import workbook.checker.task.TaskSet;

/** The lesson3-updated-at exercise: the starter is not attempted, the solution passes, an AFTER trigger is told why not. */
class UpdatedAtExerciseTest {
    private static final TaskSet SET = TaskSetReader.forLesson(CheckerFixture.HOME, "lesson3-updated-at");

    @TempDir
    Path dir;

    private static CheckReport check(Path folder) throws Exception {
        ServerAccess server = new ServerAccess(TestDatabase.freshDatabase("updated_at_ex"));
        return new AssignmentChecker(SET, server, folder, "exercises/lesson3-updated-at/").scratch(Optional.empty(), message -> { });
    }

    @Test
    void theSolutionScoresFullMarksAndTheStarterIsNotAttempted() throws Exception {
        CheckReport solved = check(CheckerFixture.HOME.root().resolve("solutions/lesson3-updated-at"));
        assertThat(solved.tasks()).singleElement().satisfies(t -> assertThat(t.status()).as(t.checks().toString()).isEqualTo(TaskResult.Status.PASSED));
        assertThat(solved.score()).isEqualTo(3);

        CheckReport starter = check(CheckerFixture.HOME.exercisesDir().resolve("lesson3-updated-at"));
        assertThat(starter.tasks()).singleElement().satisfies(t -> assertThat(t.status()).isEqualTo(TaskResult.Status.NOT_ATTEMPTED));
    }

    @Test
    void anAfterTriggerFailsWithTheProbeAndTheFixNamed() throws Exception {
        Files.writeString(dir.resolve("01-updated-at-trigger.sql"), """
                CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
                CREATE TRIGGER users_set_updated_at AFTER UPDATE ON users FOR EACH ROW EXECUTE FUNCTION set_updated_at();
                """);
        CheckReport report = check(dir);

        TaskResult task = report.tasks().get(0);
        assertThat(task.status()).isEqualTo(TaskResult.Status.FAILED);
        assertThat(task.checks()).filteredOn(c -> !c.passed()).first().satisfies(c -> assertThat(c.message())
                .startsWith("`UPDATE users SET email = email WHERE email = 'alice@example.com'` left Alice's `updated_at` at ")
                .contains("a BEFORE UPDATE trigger that sets NEW.updated_at := now()"));
    }

    @Test
    void theStarterStatesItsTaskAndTheCommandsToCheckIt() throws IOException {
        String starter = Files.readString(SET.exerciseFile(SET.tasks().get(0)));
        assertThat(starter).startsWith("-- Task 1: A trigger that moves updated_at (3 points)")
                .contains("./jbang check lesson3-updated-at --task 1", "./jbang hint lesson3-updated-at 1");
    }
}
