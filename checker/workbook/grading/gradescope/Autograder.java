package workbook.grading.gradescope;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import workbook.UserError;
import workbook.WorkbookHome;
import workbook.checker.TaskSetReader;
import workbook.checker.task.TaskSet;
import workbook.cli.CommandRunner;

/**
 * The grader inside Gradescope's container, started by the package's scripts with {@code lib/} as class
 * path and {@code WORKBOOK_HOME} at the package's {@code course/}: {@code setup} at image build,
 * {@code run} for each submission. Instructors never type it; {@code ./jbang grade --gradescope-package} builds it.
 */
@Command(name = "autograder", mixinStandardHelpOptions = true,
        header = "The workbook's Gradescope autograder: setup (image build) and run (each submission).",
        subcommands = {AutograderSetup.class, AutograderRun.class})
public final class Autograder {
    /** Where Gradescope lays everything out; AUTOGRADER_ROOT moves it (tests, a trial run on a laptop). */
    static Path root() {
        String moved = System.getenv("AUTOGRADER_ROOT");
        return Path.of(moved == null || moved.isBlank() ? "/autograder" : moved);
    }

    /** The package's one exercise set: the only folder of course/exercises/ that holds a tasks.toml. */
    static TaskSet exerciseSet(WorkbookHome home) {
        List<Path> sets;
        try (Stream<Path> folders = Files.list(home.exercisesDir())) {
            sets = folders.filter(f -> Files.isRegularFile(f.resolve("tasks.toml"))).toList();
        } catch (IOException e) {
            throw UserError.environment("The autograder package has no exercise set in " + home.exercisesDir() + ": " + e.getMessage(), e);
        }
        if (sets.size() != 1) {
            throw UserError.environment("The autograder package should hold one exercise set in " + home.exercisesDir() + ", not "
                    + sets.size() + "; build it again with ./jbang grade LESSON --gradescope-package autograder.zip.", null);
        }
        return TaskSetReader.forLesson(home, sets.get(0).getFileName().toString());
    }

    public static void main(String... args) {
        CommandRunner.exit("autograder", new Autograder(), args);
    }
}
