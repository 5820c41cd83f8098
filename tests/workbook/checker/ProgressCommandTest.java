package workbook.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.progress.NotebookProgress;
import workbook.progress.ProgressStore;
import workbook.progress.TaskProgress;

/** progress: the lesson and every lab with steps done, the tasks with ✓/✗ and points, and the next command. */
class ProgressCommandTest {
    @TempDir
    Path dir;

    private CourseCopy.Ran progress(CourseCopy course, String... args) {
        ProgressCommand command = new ProgressCommand();
        command.console = course.console;
        return course.run(command, args);
    }

    @Test
    void aNewCheckoutStartsAtTheLesson() throws Exception {
        try (CourseCopy course = new CourseCopy(dir)) {
            CourseCopy.Ran ran = progress(course);
            assertThat(ran.exit()).as(ran.text()).isZero();
            assertThat(ran.text()).containsPattern("· lesson3 +0/\\d+ steps  Day 3")
                    .contains("lesson3-acid", "lesson3-indexes", "lesson3-ids", "lesson3-updated-at")
                    .contains("· 1. Add four columns to users", "not checked yet")
                    .contains("Next: `./jbang lesson3`")
                    .doesNotContain("Commands");
        }
    }

    @Test
    void showsStepsTasksAndTheOneCommandToRunNext() throws Exception {
        try (CourseCopy course = new CourseCopy(dir)) {
            ProgressStore store = new ProgressStore(course.home, s -> { });
            int steps = new NotebookProgressProbe(course).steps("lesson3");
            store.update(p -> p.withNotebook("lesson3", new NotebookProgress(steps, steps, steps))
                    .withNotebook("lesson3-acid", new NotebookProgress(4, 3, 21))
                    .withTask("lesson3", "01-add-columns", TaskProgress.none().checked(10, 10, true, "t"))
                    .withTask("lesson3", "02-insert-bob", TaskProgress.none().checked(2, 4, false, "t")));

            String text = progress(course).text();
            assertThat(text).contains("✓ lesson3 ", steps + "/" + steps + " steps")
                    .containsPattern("… lesson3-acid +3/\\d+ steps")
                    .containsPattern("✓ 1\\. Add four columns to users +10/10")
                    .containsPattern("✗ 2\\. Insert Bob +2/4")
                    .contains("Next: task 2 in exercises/lesson3/02-insert-bob.sql, then `./jbang check lesson3 --task 2`");

            store.update(p -> {
                var all = p;
                for (String id : new String[] {"02-insert-bob", "03-update-alice", "04-delete-bob", "05-email-index"}) {
                    all = all.withTask("lesson3", id, TaskProgress.none().checked(1, 1, true, "t"));
                }
                return all;
            });
            assertThat(progress(course).text()).contains("Next: `./jbang lesson3-acid` (continues at step 4 of ");
        }
    }

    @Test
    void withCommandsItAlsoListsEveryAliasOfTheCatalog() throws Exception {
        try (CourseCopy course = new CourseCopy(dir)) {
            String text = progress(course, "--commands").text();
            assertThat(text).contains("Lesson and labs", "Next: ", "Commands")
                    .containsPattern("\\./jbang check +Check your assignment")
                    .containsPattern("\\./jbang progress +The course at a glance")
                    .containsPattern("\\./jbang solution +Show a task's reference solution");
        }
    }

    /** The number of steps a notebook has, as the walk counts them. */
    private record NotebookProgressProbe(CourseCopy course) {
        int steps(String name) {
            return Course.of(course.home).walks().stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow().steps();
        }
    }
}
