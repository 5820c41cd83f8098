package workbook.grading;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import workbook.checker.result.CheckReport;
import workbook.checker.run.AssignmentChecker;
import workbook.checker.run.SubmittedFiles;
import workbook.checker.task.TaskSet;
import workbook.db.ConnectionInfo;
import workbook.sql.ExceptionText;

/**
 * Grades one submission with exactly the checks of {@code ./jbang check} (the checker's scratch mode),
 * in its job's sandbox (reset between two submissions), within the sandbox's limits, and returns the
 * record of it. The files are run as read from the submission: no copy of them is written. Messages name them
 * where the student put them (01-add-columns.sql at the top, exercises/lesson3/01-add-columns.sql in a clone).
 */
public final class SubmissionGrader {
    private final TaskSet set;
    private final GradingServer server;
    private final ConnectionInfo admin;
    private final String checksVersion;
    private final DatabasePool pool;

    SubmissionGrader(TaskSet set, GradingServer server, ConnectionInfo admin, String checksVersion, DatabasePool pool) {
        this.pool = pool;
        this.set = set;
        this.server = server;
        this.admin = admin;
        this.checksVersion = checksVersion;
    }

    public GradeRecord grade(Submission submission) {
        long started = System.nanoTime();
        JobSlot slot;
        try {
            slot = pool.lease();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return record(submission, GradeRecord.Status.NOT_GRADED, "grading was interrupted", null, started);
        } catch (SQLException e) {
            return record(submission, GradeRecord.Status.NOT_GRADED, "grading failed: " + ExceptionText.firstLine(e), null, started);
        }
        JobServerAccess access = new JobServerAccess(admin, server, pool, slot);
        try {
            CheckReport report = new AssignmentChecker(set, access, SubmittedFiles.of(submission.files()), submission.folder())
                    .scratch(Optional.empty(), message -> { });
            if (report.stop() != null) {
                // the tasks judged before the time ran out keep their points
                return record(submission, GradeRecord.Status.TIMED_OUT, report.stop(), GradeRecord.tasksOf(report), started);
            }
            return record(submission, GradeRecord.Status.GRADED, null, GradeRecord.tasksOf(report), started);
        } catch (SQLException | RuntimeException e) {
            return record(submission, GradeRecord.Status.NOT_GRADED, "grading failed: " + ExceptionText.firstLine(e), null, started);
        } finally {
            pool.release(access.slot());
        }
    }

    /** A record for a submission that could not be read at all (a broken zip). */
    public GradeRecord unreadable(String student, String entry, String why) {
        return GradeRecord.notGraded(set, student, entry, checksVersion, why);
    }

    private GradeRecord record(Submission s, GradeRecord.Status status, String problem, List<GradeRecord.TaskGrade> tasks, long started) {
        List<GradeRecord.TaskGrade> all = GradeRecord.withSql(tasks != null ? tasks : GradeRecord.ungraded(set, "not graded: " + problem),
                s.files());
        double seconds = (System.nanoTime() - started) / 1e9;
        return new GradeRecord(GradeRecord.FORMAT_VERSION, s.student(), s.entry(), set.lesson(), s.contentHash(), checksVersion,
                status, problem, Instant.now().toString(), seconds, s.missing(), s.stray(), all);
    }
}
