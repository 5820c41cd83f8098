package workbook.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import workbook.WorkbookHome;
import workbook.checker.run.ReferenceStates;
import workbook.checker.sandbox.SandboxLimits;
import workbook.checker.task.TaskSet;
import workbook.UserError;
import workbook.db.ConnectionInfo;

/**
 * One grading run on a server the caller reached: prepares a database per job, grades the class,
 * writes the reports. The command, the benchmark and the tests all grade through here.
 */
public final class GradingRun {
    private GradingRun() {
    }

    /**
     * The run's settings: parallel jobs, limits per submission, whether to re-grade unchanged submissions, and
     * whether to write the class's reports (grades.csv, report.html, gradebooks): not for one submission graded
     * alone (Gradescope), whose records are all it needs and whose container has a Java runtime, no javac.
     */
    public record Settings(int jobs, SandboxLimits limits, boolean force, boolean classReports) {
        public Settings(int jobs, SandboxLimits limits, boolean force) {
            this(jobs, limits, force, true);
        }
    }

    public static ClassGrader.GradedClass grade(WorkbookHome home, TaskSet set, ConnectionInfo admin, SubmissionsFolder folder, Path out,
                                            Settings settings, GradingProgress progress) throws IOException {
        return grade(home, set, admin, folder, out, settings, progress, null);
    }

    /** @param gradebooks the LMS gradebooks to write beside the reports (--roster), or null */
    public static ClassGrader.GradedClass grade(WorkbookHome home, TaskSet set, ConnectionInfo admin, SubmissionsFolder folder, Path out,
                                            Settings settings, GradingProgress progress, Gradebooks gradebooks) throws IOException {
        Files.createDirectories(out);
        String checksVersion = ChecksVersion.of(home, set);
        try (GradingServer server = new GradingServer(admin, settings.limits());
             DatabasePool pool = prepare(set, admin, server, settings.jobs())) {
            ResultStore store = new ResultStore(out);
            SubmissionGrader grader = new SubmissionGrader(set, server, admin, checksVersion, pool);
            return new ClassGrader(set, store, checksVersion, grader, settings.jobs(), settings.force(), settings.limits().overall())
                    .withGradebooks(gradebooks).withClassReports(settings.classReports()).grade(folder, progress);
        }
    }

    /**
     * A database per job, with the reference solutions proven to run, before the clock of any submission
     * starts. The jobs build each reference state in their own database from the instructor's SQL (one
     * round trip), which costs less than copying a kept one.
     */
    static DatabasePool prepare(TaskSet set, ConnectionInfo admin, GradingServer server, int jobs) {
        try {
            if (!server.adminIsSuperuser()) {
                // PostgreSQL 14 lets only a superuser drop what another role owns (DROP OWNED), which every reset does
                throw UserError.environment("Grading needs a superuser on " + admin.host() + ":" + admin.port() + " (it makes a role per job and drops"
                        + " what that role owns between students); " + admin.user() + " is not one. The lesson's crmuser is.", null);
            }
            server.dropLeftovers();
            server.checkRoomFor(jobs);
            return new DatabasePool(server, new ReferenceStates(set), jobs, server.newName("jobs"));
        } catch (UserError e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            throw UserError.environment("Cannot prepare the grading databases on " + admin.host() + ":" + admin.port() + ": " + e.getMessage(), e);
        }
    }
}
