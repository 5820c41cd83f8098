package workbook.grading;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import workbook.checker.run.ServerAccess;
import workbook.checker.sandbox.LentConnection;
import workbook.checker.sandbox.Sandbox;
import workbook.checker.task.TaskSet;
import workbook.db.ConnectionInfo;

/**
 * The checker's view of the server while it grades one submission. A "scratch copy" it asks for is this
 * job's database, emptied and rebuilt to the reference state it asks for; the student's files
 * run and the checks read there in the job's sandbox, on sessions kept from one submission to the next.
 * The admin connections the checker may ask for are lent from the run's pool instead of opened per call.
 */
final class JobServerAccess extends ServerAccess {
    private final GradingServer grading;
    private final DatabasePool pool;
    private JobSlot slot;
    private final Map<String, JobSlot> scratchNames = new ConcurrentHashMap<>();

    JobServerAccess(ConnectionInfo admin, GradingServer grading, DatabasePool pool, JobSlot slot) {
        super(admin, grading.limits());
        this.grading = grading;
        this.pool = pool;
        this.slot = slot;
    }

    /** The run built and proved the reference states when it started; each job builds its own. */
    @Override
    public void prepareReferenceStates(TaskSet set, Consumer<String> progress) {
    }

    @Override
    public void createScratchDatabase(String name, TaskSet set, int state) {
        try {
            slot = pool.prepare(slot, state);
            scratchNames.put(name, slot);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the submission's database (reference state " + state + "): " + e.getMessage(), e);
        }
    }

    /** The job's database needs no drop: the next prepare (or the reset after the submission) empties it. */
    @Override
    public void dropScratchDatabase(String name) {
        scratchNames.remove(name);
    }

    @Override
    public synchronized Sandbox sandbox() {
        return slot.sandbox();
    }

    @Override
    public Connection judge(String database) throws SQLException {
        return slot.sandbox().judge(jobDatabase(database));
    }

    @Override
    public Connection learner(String database) throws SQLException {
        return slot.sandbox().learner(jobDatabase(database));
    }

    private String jobDatabase(String scratch) throws SQLException {
        JobSlot mapped = scratchNames.get(scratch);
        if (mapped == null) {
            throw new SQLException("no such scratch database in this job: " + scratch);
        }
        return mapped.name();
    }

    /** The job keeps its sessions from task to task and submission to submission. */
    @Override
    public void leave(String database) {
    }

    /** Its sessions are open already, on the job's database. */
    @Override
    public void openSessions(String database) {
    }

    @Override
    public Handle admin() {
        try {
            Connection c = grading.admin().borrow();
            return grading.handleOn(LentConnection.lend(c, () -> grading.admin().giveBack(c, true)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the server: " + e.getMessage(), e);
        }
    }

    @Override
    public Handle handleOn(Connection connection) {
        return grading.handleOn(connection);
    }

    /** The job's slot as it is now (a failed reset may have replaced its database or role), to hand back to the pool. */
    JobSlot slot() {
        return slot;
    }

    /** Nothing of its own to close: the sandbox and its watch belong to the run. */
    @Override
    public void close() {
    }
}
