package workbook.grading.gradescope;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import workbook.ExitCode;
import workbook.WorkbookHome;
import workbook.checker.task.TaskSet;
import workbook.grading.GradeRecord;
import workbook.grading.GradescopeResults;
import workbook.terminal.Console;

/**
 * {@code autograder run}: grades Gradescope's submission folder and writes results.json, also when the
 * submission is unreadable or grading fails (then at zero, saying why). run_autograder writes a last-resort
 * file itself when this JVM cannot even start.
 */
@Command(name = "run", mixinStandardHelpOptions = true, header = "Grade the submission into Gradescope's results.json.")
final class AutograderRun implements Callable<Integer> {
    @Option(names = "--submission", paramLabel = "DIR", description = "Gradescope's submission folder (default: $AUTOGRADER_ROOT/submission).")
    Path submission;

    @Option(names = "--results", paramLabel = "FILE", description = "Where results.json goes (default: $AUTOGRADER_ROOT/results/results.json).")
    Path results;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "Time limit for the submission, as grade's (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        Console console = Console.system();
        Path from = submission != null ? submission : Autograder.root().resolve("submission");
        Path to = results != null ? results : Autograder.root().resolve("results/results.json");
        WorkbookHome home = WorkbookHome.locate();
        TaskSet set = Autograder.exerciseSet(home);
        GradeRecord record = SingleSubmission.grade(home, set, from, Duration.ofSeconds(Math.max(1, timeout)));
        Files.createDirectories(to.toAbsolutePath().getParent());
        GradescopeResults.write(to, record);
        console.info(set.lesson() + ": " + record.score() + "/" + record.maxScore() + " points, " + record.status().name().toLowerCase()
                + (record.problem() == null ? "" : " (" + record.problem() + ")")
                + String.format(" in %.1f s", (System.nanoTime() - started) / 1e9));
        return ExitCode.OK;
    }
}
