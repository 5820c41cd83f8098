package workbook.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.UserError;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;

/** reset puts one exercise back as it started and keeps the learner's version. */
class ResetCommandTest {
    @TempDir
    Path dir;

    @Test
    void everyCommittedStarterIsWhatResetWrites() throws Exception {
        for (String lesson : List.of("lesson3", "lesson3-updated-at")) {
            TaskSet set = TaskSetReader.forLesson(CourseCopy.REAL, lesson);
            for (Task task : set.tasks()) {
                assertThat(StarterFile.of(set, task)).as(lesson + "/" + task.file()).isEqualTo(Files.readString(set.exerciseFile(task)));
            }
        }
    }

    @Test
    void asksThenWithYesRestoresTheStarterAndKeepsTheOldFile() throws Exception {
        try (CourseCopy course = new CourseCopy(dir)) {
            Path file = course.home.exercisesDir().resolve("lesson3/02-insert-bob.sql");
            String starter = Files.readString(file);
            String mine = starter + "INSERT INTO users (email) VALUES ('bob@example.com');\n";
            Files.writeString(file, mine);

            ResetCommand unasked = command(course);
            // no terminal to ask on in a test: it refuses without --yes, and the file stays
            assertThatThrownBy(unasked::call).isInstanceOf(UserError.class)
                    .hasMessageStartingWith("This puts exercises/lesson3/02-insert-bob.sql back as it started (your version is kept as .workbook/reset/lesson3/02-insert-bob-")
                    .hasMessageContaining("Run `./jbang reset lesson3 2 --yes` to confirm");
            assertThat(Files.readString(file)).isEqualTo(mine);

            CourseCopy.Ran reset = course.run(command(course), "lesson3", "2", "--yes");
            assertThat(reset.exit()).as(reset.text()).isZero();
            assertThat(Files.readString(file)).isEqualTo(starter);
            List<Path> kept;
            try (Stream<Path> files = Files.list(course.home.stateDir().resolve("reset/lesson3"))) {
                kept = files.toList();
            }
            assertThat(kept).singleElement().satisfies(k -> assertThat(Files.readString(k)).isEqualTo(mine));
            assertThat(reset.text()).contains("Task 2 starts again").contains("your version is kept as " + course.home.root().relativize(kept.get(0)));

            assertThat(course.run(command(course), "lesson3", "2").text()).contains("is as it started: nothing to reset");
        }
    }

    private static ResetCommand command(CourseCopy course) {
        ResetCommand command = new ResetCommand();
        command.console = course.console;
        command.arguments = TaskArguments.of("lesson3", "2");
        return command;
    }
}
