package workbook.grading;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import workbook.checker.run.ServerAccess;
import workbook.db.ConnectionInfo;

/**
 * The checker's view of the server while it grades one submission: its scratch copies are created inside
 * the submission's {@link Sandbox} (from the grader's templates), and the student's files run as the
 * sandbox's role. The checks themselves keep the admin's own session, which the student cannot touch.
 */
final class SandboxedServerAccess extends ServerAccess {
    private final GradingServer grading;
    private final Sandbox sandbox;
    private final AtomicInteger filesStarted = new AtomicInteger();

    SandboxedServerAccess(ConnectionInfo admin, GradingServer grading, Sandbox sandbox) {
        super(admin);
        this.grading = grading;
        this.sandbox = sandbox;
    }

    @Override
    public void createScratchDatabase(String name, String template) {
        try {
            sandbox.cloneAs(name, grading.templateFrom(template));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the submission's database from " + template + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Connection connectLearner(String database) throws SQLException {
        filesStarted.incrementAndGet();
        return sandbox.connect(database);
    }

    /** How many exercise files had started running: what finished before a time-out. */
    int filesStarted() {
        return filesStarted.get();
    }
}
