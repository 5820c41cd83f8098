package workbook.grading.gradescope;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import workbook.ExitCode;
import workbook.UserError;
import workbook.WorkbookHome;
import workbook.checker.task.TaskSet;
import workbook.grading.GradeRecord;
import workbook.terminal.Console;

/**
 * {@code autograder setup}, at image build: grades the package's own reference solutions exactly as a
 * submission is graded. That unpacks PostgreSQL 14 and keeps a fresh initdb to copy (so a submission's run
 * does neither), and it proves the image grades: setup fails, and Gradescope says so, unless they get every point.
 */
@Command(name = "setup", mixinStandardHelpOptions = true, header = "Prepare the image: unpack PostgreSQL, then grade the reference solutions.")
final class AutograderSetup implements Callable<Integer> {
    @Override
    public Integer call() {
        long started = System.nanoTime();
        Console console = Console.system();
        WorkbookHome home = WorkbookHome.locate();
        TaskSet set = Autograder.exerciseSet(home);
        GradeRecord record = SingleSubmission.grade(home, set, home.solutionsDir().resolve(set.lesson()),
                Duration.ofSeconds(60));
        boolean full = record.status() == GradeRecord.Status.GRADED
                && record.tasks().stream().allMatch(t -> t.checks().stream().allMatch(GradeRecord.CheckGrade::passed));
        if (!full) {
            throw UserError.environment("Self-test failed: the reference solutions of " + set.lesson() + " get " + record.score() + "/"
                    + record.maxScore() + " on this image" + (record.problem() == null ? "" : ": " + record.problem()), null);
        }
        console.ok(String.format("Self-test: the reference solutions of %s pass every check (%d points: %d + %d bonus) in %.1f s",
                set.lesson(), record.score(), record.maxScore(), record.bonusMax(), (System.nanoTime() - started) / 1e9));
        return ExitCode.OK;
    }
}
