//DEPS org.jdbi:jdbi3-core:3.55.0
//DEPS org.postgresql:postgresql:42.7.14
package workbook.checker.run;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import workbook.checker.sandbox.LentConnection;
import workbook.checker.sandbox.PinnedSearchPath;
import workbook.checker.sandbox.Sandbox;
import workbook.checker.sandbox.SandboxLimits;
import workbook.checker.sandbox.SandboxWatch;
import workbook.checker.task.TaskSet;
import workbook.db.ConnectionInfo;

/**
 * How the checker reaches the server, two ways apart. As the admin (the lesson's user on crm_db): only
 * the workbook's own SQL about databases and roles and pinned catalog queries, never inside a database a
 * learner's file has touched. As the sandbox ({@link Sandbox}, here wb_learner): everything that runs or
 * reads inside a scratch copy, so whatever a file planted there runs with no more rights than the file.
 * A grader lends its job's sandbox and database instead.
 */
public class ServerAccess implements AutoCloseable {
    /** A check run gets what a graded submission gets, so check tells what grade will say. */
    static final Duration CHECK_TIME = Duration.ofSeconds(30);

    private final ConnectionInfo info;
    private final SandboxLimits limits;
    private boolean backgroundDrops;
    private SandboxWatch watch;
    private Sandbox sandbox;
    /** The kept reference states each exercise set was last prepared with, by the set's folder. */
    private final Map<Path, ReferenceStateDatabases> kept = new ConcurrentHashMap<>();
    /** The admin's session for the checking thread's short statements ({@link #adminSession()}), null until first use. */
    private Connection session;
    private boolean closed;
    private CopiesAhead copiesAhead;

    public ServerAccess(ConnectionInfo info) {
        this(info, SandboxLimits.forOverall(CHECK_TIME));
    }

    public ServerAccess(ConnectionInfo info, SandboxLimits limits) {
        this.info = info;
        this.limits = limits;
    }

    /** Scratch copies are then dropped on a thread of their own (for a learner waiting on a verdict). */
    public ServerAccess dropsInBackground() {
        this.backgroundDrops = true;
        return this;
    }

    public boolean backgroundDrops() {
        return backgroundDrops;
    }

    /**
     * For a process that lives on between checks (--watch): spares are kept ahead and used copies dropped on
     * a thread of this access's own ({@link CopiesAhead}), which puts the spares first. Implies background drops.
     */
    public synchronized ServerAccess keepsCopiesAhead() {
        backgroundDrops = true;
        if (copiesAhead == null) {
            copiesAhead = new CopiesAhead(this);
        }
        return this;
    }

    synchronized Optional<CopiesAhead> copiesAhead() {
        return Optional.ofNullable(copiesAhead);
    }

    public ConnectionInfo info() {
        return info;
    }

    /** A Jdbi handle on the database named in {@link #info()} (the learner's crm_db) as its user, search_path pinned. */
    public Handle admin() {
        return Jdbi.create(info.jdbcUrl(), adminProperties()).open();
    }

    /**
     * The admin's session kept by this access (made on first use, closed with it), lent: closing the handle keeps
     * the session. The checking thread's own short statements share it: the look at the catalog, the sandbox
     * role's shape, a copy's lock and rename. Each login is a backend forked and a SCRAM exchange on both sides,
     * most of a check run's fixed cost. Work on a thread of its own opens its own session ({@link #admin()}).
     */
    public synchronized Handle adminSession() {
        if (closed) {
            return admin(); // a late caller (a shutdown hook) gets a session of its own, which its handle closes
        }
        try {
            if (session == null || session.isClosed()) {
                session = DriverManager.getConnection(info.jdbcUrl(), adminProperties());
            }
        } catch (SQLException e) {
            throw new ConnectionException(e);
        }
        return handleOn(LentConnection.lend(session, () -> { }));
    }

    /**
     * Replaces the kept session when the server no longer answers on it (restarted between two saves in
     * --watch): each run starts here, one round trip, so a run never fails on a session an earlier run left.
     */
    private synchronized void reviveAdminSession() {
        try {
            if (session != null && !session.isValid(5)) {
                session.close();
                session = null;
            }
        } catch (SQLException e) {
            session = null;
        }
    }

    /** The admin on another database: only one just made from template0, which nothing untrusted has touched yet. */
    Connection adminOnFresh(String database) throws SQLException {
        return DriverManager.getConnection(info.withDatabase(database).jdbcUrl(), adminProperties());
    }

    private Properties adminProperties() {
        Properties props = new Properties();
        props.setProperty("user", info.user());
        props.setProperty("password", info.password());
        return PinnedSearchPath.add(props);
    }

    /** Where a check run's files run and its checks read: wb_learner's sessions, made on first use. */
    public synchronized Sandbox sandbox() {
        if (sandbox == null) {
            watch = new SandboxWatch(info);
            sandbox = new Sandbox(LearnerRole.ensure(this, limits), info, limits, watch, () -> LearnerRole.mend(this, limits));
        }
        return sandbox;
    }

    /** The session where the checks read {@code database} (a scratch copy): the sandbox's, search_path pinned. */
    public Connection judge(String database) throws SQLException {
        return sandbox().judge(database);
    }

    /** The session where a file or a reference solution runs on {@code database}: the sandbox's. */
    public Connection learner(String database) throws SQLException {
        return sandbox().learner(database);
    }

    /** About to judge {@code database} (a scratch copy just made): the sandbox's two sessions log in to it side by side. */
    public void openSessions(String database) {
        sandbox().openSessions(database);
    }

    /** The checker is done with {@code database}: the sandbox's sessions on it close, so it can be dropped, renamed or copied. */
    public synchronized void leave(String database) {
        if (sandbox != null) {
            sandbox.closeSessions();
        }
    }

    /**
     * A Jdbi handle on a connection this class gave out, for the checks. A grader overrides it to share
     * one Jdbi, whose cache of parsed SQL then serves every submission instead of parsing anew per task.
     */
    public Handle handleOn(Connection connection) {
        return Jdbi.open(connection);
    }

    /**
     * Makes sure the reference states of {@code set} are there to copy: builds the ones missing on the
     * learner's server (telling {@code progress} first, as it takes seconds) and sweeps scratch databases
     * that killed runs left behind. A grader overrides it: its jobs build their own states.
     */
    public void prepareReferenceStates(TaskSet set, Consumer<String> progress) throws SQLException {
        // named anew at each run: an edited solution makes new states, also in --watch
        ReferenceStateDatabases states = new ReferenceStateDatabases(set, this);
        kept.put(set.folder(), states);
        reviveAdminSession();
        try (Handle admin = adminSession()) {
            // one look at the workbook's databases serves the build's check and the sweep: a round trip each saved
            List<String> databases = ScratchDatabase.workbookDatabases(admin);
            if (!states.ready(databases)) {
                progress.accept("Preparing the lesson's end state and the reference states (first check only, a few seconds)");
            }
            states.ensureBuilt(admin, databases);
            ScratchDatabase.dropLeftovers(this, admin, databases);
        }
    }

    /**
     * Creates the scratch database {@code name} holding reference state {@code state} of {@code set}
     * (the tasks done): a copy of the kept one. A grader overrides it to rebuild its job's database instead.
     */
    public void createScratchDatabase(String name, TaskSet set, int state) {
        try (Handle admin = admin()) {
            admin.execute("CREATE DATABASE " + name + " TEMPLATE " + referenceState(set, state));
        }
    }

    /** The kept database holding reference state {@code state} of {@code set}, which scratch copies and spares are made from. */
    String referenceState(TaskSet set, int state) {
        return kept(set).name(state);
    }

    private ReferenceStateDatabases kept(TaskSet set) {
        return kept.computeIfAbsent(set.folder(), folder -> new ReferenceStateDatabases(set, this));
    }

    /** Drops a scratch database {@link #createScratchDatabase} made. A grader overrides it for copies it recycles instead. */
    public void dropScratchDatabase(String name) {
        try (Handle admin = admin()) {
            ScratchDatabase.drop(admin, name);
        }
    }

    @Override
    public synchronized void close() {
        if (sandbox != null) {
            sandbox.close();
            watch.close();
            sandbox = null;
        }
        closed = true;
        if (copiesAhead != null) {
            copiesAhead.handOver();
        }
        if (session != null) {
            try {
                session.close();
            } catch (SQLException ignored) {
                // the session is gone either way
            }
            session = null;
        }
    }
}
