package workbook.grading;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import workbook.checker.run.ServerAccess;
import workbook.db.ConnectionInfo;

/**
 * The checker's view of the server while it grades one submission. A "scratch copy" it asks for is this
 * job's pooled database, emptied and rebuilt to the reference state the copy's template holds; the
 * student's files run there as the job's sandbox role, and the checks on the admin's own session, which
 * the student cannot touch. The admin connections are lent from pools instead of opened per call.
 */
final class SandboxedServerAccess extends ServerAccess {
    private final GradingServer grading;
    private final Sandbox sandbox;
    private final DatabasePool pool;
    private DatabasePool.Slot slot;
    private final Map<String, DatabasePool.Slot> scratchNames = new ConcurrentHashMap<>();
    private final AtomicInteger filesStarted = new AtomicInteger();

    SandboxedServerAccess(ConnectionInfo admin, GradingServer grading, DatabasePool pool, DatabasePool.Slot slot) {
        super(admin);
        this.grading = grading;
        this.sandbox = slot.sandbox();
        this.pool = pool;
        this.slot = slot;
    }

    @Override
    public void createScratchDatabase(String name, String template) {
        try {
            int state = pool.states().stateOf(template);
            if (state < 0) {
                sandbox.cloneAs(name, grading.templateFrom(template)); // not a reference state: a real copy
                return;
            }
            slot = pool.prepare(slot, state);
            scratchNames.put(name, slot);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the submission's database (" + template + "): " + e.getMessage(), e);
        }
    }

    /** A recycled pooled database needs no drop: the next prepare (or the clean-up) empties it. */
    @Override
    public void dropScratchDatabase(String name) {
        if (scratchNames.remove(name) == null) {
            super.dropScratchDatabase(name);
        }
    }

    @Override
    public Connection connect(String database) throws SQLException {
        DatabasePool.Slot mapped = scratchNames.get(database);
        return mapped == null ? super.connect(database) : SharedConnection.lend(mapped.admin(), () -> { });
    }

    /**
     * The student's session for one file. Opening a session costs a server process and a login; the job's
     * one session is reused instead, and after each file DISCARD ALL resets everything a file can leave in
     * a session (settings, SET ROLE, temporary tables, prepared statements, locks), as a new session would.
     * A session it cannot reset (a transaction left open) is closed, and the next file gets a new one.
     */
    @Override
    public synchronized Connection connectLearner(String database) throws SQLException {
        filesStarted.incrementAndGet();
        DatabasePool.Slot mapped = scratchNames.get(database);
        if (mapped == null) {
            return sandbox.connect(database);
        }
        Connection real = mapped.learner();
        return SharedConnection.lend(real, () -> {
            try (Statement s = real.createStatement()) {
                s.execute("DISCARD ALL");
            } catch (SQLException e) {
                mapped.closeLearner();
            }
        });
    }

    @Override
    public Handle admin() {
        try {
            Connection c = grading.admin().borrow();
            return grading.handleOn(SharedConnection.lend(c, () -> grading.admin().giveBack(c, true)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the server: " + e.getMessage(), e);
        }
    }

    @Override
    public Handle handleOn(Connection connection) {
        return grading.handleOn(connection);
    }

    /** The pooled database as it is now (a failed emptying may have replaced it), to hand back to the pool. */
    DatabasePool.Slot slot() {
        return slot;
    }

    /** How many exercise files had started running: what finished before a time-out. */
    int filesStarted() {
        return filesStarted.get();
    }
}
