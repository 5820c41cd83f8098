package workbook.grading;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import workbook.checker.run.ServerAccess;
import workbook.db.ConnectionInfo;

/**
 * The checker's view of the server while it grades one submission. A "scratch copy" it asks for is this
 * job's pooled database, emptied and rebuilt to the reference state the copy's template holds; the
 * student's files run there as the sandbox's role, and the checks on the admin's own session, which the
 * student cannot touch. The admin connections are lent from pools instead of opened per call.
 */
final class SandboxedServerAccess extends ServerAccess {
    private final GradingServer grading;
    private final Sandbox sandbox;
    private final DatabasePool pool;
    private DatabasePool.Slot slot;
    private final Map<String, DatabasePool.Slot> scratchNames = new ConcurrentHashMap<>();
    private final AtomicInteger filesStarted = new AtomicInteger();

    SandboxedServerAccess(ConnectionInfo admin, GradingServer grading, Sandbox sandbox, DatabasePool pool, DatabasePool.Slot slot) {
        super(admin);
        this.grading = grading;
        this.sandbox = sandbox;
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
            slot = pool.prepare(slot, sandbox.role(), state);
            scratchNames.put(name, slot);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the submission's database (" + template + "): " + e.getMessage(), e);
        }
    }

    @Override
    public Connection connect(String database) throws SQLException {
        DatabasePool.Slot mapped = scratchNames.get(database);
        return mapped == null ? super.connect(database) : SharedConnection.lend(mapped.admin(), () -> { });
    }

    @Override
    public Connection connectLearner(String database) throws SQLException {
        filesStarted.incrementAndGet();
        DatabasePool.Slot mapped = scratchNames.get(database);
        return sandbox.connect(mapped == null ? database : mapped.name());
    }

    @Override
    public Handle admin() {
        try {
            Connection c = grading.admin().borrow();
            return Jdbi.open(SharedConnection.lend(c, () -> grading.admin().giveBack(c, true)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the server: " + e.getMessage(), e);
        }
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
