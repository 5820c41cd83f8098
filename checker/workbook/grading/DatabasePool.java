package workbook.grading;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.PGConnection;

/**
 * One database, one sandbox role and one student session per parallel job, used by one submission at a
 * time and reset between them, so a submission costs no CREATE DATABASE (on a busy disk its two
 * checkpoints take most of a second), no CREATE ROLE and no new server process with cold caches.
 *
 * <p>Why this is as isolating as a fresh database and role: everything a submission can create belongs
 * to its role or to wbgrade_owner (the role may SET ROLE to it), and nothing else in the database is
 * writable to it (it owns neither the database nor its schema, cannot create schemas or extensions).
 * Between two submissions DROP OWNED BY both empties the database, a check proves that no object is left
 * in any user schema and that the role is as created (password, attributes, settings, memberships: what
 * a role may change about itself), and the session is reset by DISCARD ALL after every file; anything
 * else replaces the database or the role (and with it the session) by fresh ones.
 */
final class DatabasePool implements AutoCloseable {
    /** A job's database, the admin's session on it (resets and checks), its sandbox, and the student's session. */
    static final class Slot {
        private final String name;
        private final Connection admin;
        private final Sandbox sandbox;
        /** The job's group, allowed to connect to the database; the sandbox's role is its member. */
        private final String group;
        /** The student's session, kept from file to file and from submission to submission; null when closed. */
        private Connection learner;
        /** The reference state the database holds untouched since it was built, or -1. */
        private int readyState = -1;
        /** {@link #LEFTOVERS} of the new database (from template0): what an emptying must come back to. */
        private long baseline;

        private Slot(String name, Connection admin, Sandbox sandbox, String group) {
            this.name = name;
            this.admin = admin;
            this.sandbox = sandbox;
            this.group = group;
        }

        String name() {
            return name;
        }

        Connection admin() {
            return admin;
        }

        Sandbox sandbox() {
            return sandbox;
        }

        /** The student's session on this database, opened as the sandbox's role when there is none. */
        synchronized Connection learner() throws SQLException {
            if (learner == null || learner.isClosed()) {
                learner = sandbox.connect(name);
            }
            return learner;
        }

        /** The backend of the open student session, or 0: the one session an emptying leaves alive. */
        synchronized int learnerPid() {
            try {
                return learner == null || learner.isClosed() ? 0 : learner.unwrap(PGConnection.class).getBackendPID();
            } catch (SQLException e) {
                closeLearner();
                return 0;
            }
        }

        synchronized void closeLearner() {
            if (learner != null) {
                try {
                    learner.close();
                } catch (SQLException ignored) {
                    // the session ends with the emptying anyway
                }
                learner = null;
            }
        }
    }

    private final GradingServer server;
    private final ReferenceStates states;
    private final LinkedBlockingQueue<Slot> idle = new LinkedBlockingQueue<>();
    private final List<String> databases = new ArrayList<>();
    private final List<Sandbox> sandboxes = new ArrayList<>();
    private final List<String> groups = new ArrayList<>();
    private int created;
    private final AtomicInteger alive = new AtomicInteger();
    private final String stem;

    DatabasePool(GradingServer server, ReferenceStates states, int size, String stem) throws SQLException {
        this.server = server;
        this.states = states;
        this.stem = stem;
        for (int i = 1; i <= size; i++) {
            // a group per job holds the right to connect to the job's database: DROP OWNED BY the role
            // (which revokes the role's own grants) leaves it alone, so no GRANT per reset
            String group = stem + "_job" + i;
            server.admin().execute("CREATE ROLE " + group + " NOLOGIN");
            synchronized (this) {
                groups.add(group);
            }
            Slot slot = create(group, newSandbox(group));
            rememberFingerprint(slot);
            if (i == 1) {
                proveSolutions(slot);
            }
            idle.add(ready(slot, 0));
            alive.incrementAndGet();
        }
    }

    private Sandbox newSandbox(String group) throws SQLException {
        Sandbox sandbox = server.openSandbox();
        synchronized (this) {
            sandboxes.add(sandbox);
        }
        sandbox.grantMembership(group);
        return sandbox;
    }

    private Slot create(String group, Sandbox sandbox) throws SQLException {
        String name;
        synchronized (this) {
            name = stem + "_pool" + (++created);
            databases.add(name);
        }
        // template0: the pristine database initdb made, nothing of anyone's in it
        server.admin().execute("CREATE DATABASE " + name + " TEMPLATE template0");
        server.admin().execute("REVOKE ALL ON DATABASE " + name + " FROM PUBLIC; GRANT CONNECT, TEMPORARY ON DATABASE " + name + " TO " + group);
        Connection admin = server.admin().connectTo(name);
        Slot slot = new Slot(name, admin, sandbox, group);
        try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery("SELECT " + LEFTOVERS)) {
            rs.next();
            slot.baseline = rs.getLong(1);
        }
        return slot;
    }

    /**
     * Builds the last reference state once, so that a reference solution that does not run stops the run
     * before any student is graded (step by step then, which names it), then empties the database again.
     */
    private void proveSolutions(Slot slot) throws SQLException {
        prepare(slot, states.last());
        try (Statement s = slot.admin().createStatement()) {
            s.execute("DROP OWNED BY " + GradingServer.OWNER_ROLE + " CASCADE");
        }
    }

    /** Builds reference state {@code k} in the slot's empty database, in one round trip. */
    private Slot ready(Slot slot, int k) throws SQLException {
        try (Statement s = slot.admin().createStatement()) {
            s.execute(states.batch(k));
        }
        slot.readyState = k;
        return slot;
    }

    ReferenceStates states() {
        return states;
    }

    /** A job's slot; fails (rather than waiting for ever) once every slot was lost to a reset that failed. */
    Slot lease() throws InterruptedException, SQLException {
        while (true) {
            Slot slot = idle.poll(200, TimeUnit.MILLISECONDS);
            if (slot != null) {
                return slot;
            }
            if (alive.get() == 0) {
                throw new SQLException("no grading database is left: resetting them failed (see the earlier submissions' problems)");
            }
        }
    }

    /** A slot whose reset failed is gone for good; the other jobs go on. */
    void lost() {
        alive.decrementAndGet();
    }

    void release(Slot slot) {
        idle.add(slot);
    }

    /**
     * Makes the slot's database hold reference state {@code k} for the same submission: nothing to do when
     * it holds it untouched, else DROP OWNED and the state's statements in one round trip. The submission's
     * own idle session stays (a new login would buy no isolation within one submission).
     */
    Slot prepare(Slot slot, int k) throws SQLException {
        if (slot.readyState == k) {
            slot.readyState = -1;
            return slot;
        }
        slot.readyState = -1;
        String drop = "DROP OWNED BY " + slot.sandbox().role() + ", " + GradingServer.OWNER_ROLE + " CASCADE;\n";
        try (Statement s = slot.admin().createStatement()) {
            s.execute(drop + states.batch(k));
            return slot;
        } catch (SQLException batchFailed) {
            // a reference solution that does not run cleanly: again step by step, which names it
            try (Statement s = slot.admin().createStatement()) {
                s.execute("RESET ROLE;" + drop);
            }
            states.buildStepByStep(slot.admin(), k);
            return slot;
        }
    }

    /**
     * Between two submissions: ends every session on the database but the student's idle one, drops
     * everything the role or wbgrade_owner owns, proves that nothing is left and that the role is as
     * created, and builds the first reference state for the next submission, all in one round trip.
     * Whatever fails that proof is replaced: the database, or the role and its session.
     */
    Slot recycle(Slot slot) {
        Sandbox sandbox = slot.sandbox();
        slot.readyState = -1;
        boolean emptied = false;
        boolean roleUntouched = false;
        try (Statement s = slot.admin().createStatement()) {
            boolean isResult = s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND pid <> pg_backend_pid() AND pid <> " + slot.learnerPid() + ";\n"
                    + "DROP OWNED BY " + sandbox.role() + ", " + GradingServer.OWNER_ROLE + " CASCADE;\n"
                    + "SELECT " + LEFTOVERS + " AS leftovers, " + sandbox.fingerprintSql() + " AS role;\n"
                    + states.batch(0));
            while (isResult || s.getUpdateCount() != -1) {
                if (isResult) {
                    try (ResultSet rs = s.getResultSet()) {
                        if (rs.getMetaData().getColumnCount() == 2 && "leftovers".equals(rs.getMetaData().getColumnLabel(1)) && rs.next()) {
                            emptied = rs.getLong(1) == slot.baseline;
                            roleUntouched = sandbox.untouched(rs.getString(2));
                        }
                    }
                }
                isResult = s.getMoreResults();
            }
        } catch (SQLException e) {
            emptied = false; // a database that cannot be emptied is replaced, never reused
        }
        try {
            // the database first: the old role can only be dropped once it owns nothing there
            Slot next = emptied ? slot : replaceDatabase(slot);
            next = roleUntouched ? next : replaceRole(next);
            if (emptied) {
                next.readyState = 0; // built by the round trip above, owned by wbgrade_owner
                return next;
            }
            return ready(next, 0);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset a grading database: " + e.getMessage(), e);
        }
    }

    private void rememberFingerprint(Slot slot) throws SQLException {
        try (Statement s = slot.admin().createStatement(); ResultSet rs = s.executeQuery("SELECT " + slot.sandbox().fingerprintSql())) {
            rs.next();
            slot.sandbox().rememberFingerprint(rs.getString(1));
        }
    }

    private Slot replaceRole(Slot slot) throws SQLException {
        slot.closeLearner();
        Sandbox old = slot.sandbox();
        Sandbox fresh = newSandbox(slot.group);
        try {
            old.close();
        } catch (SQLException e) {
            // a leftover role goes with the next run's dropLeftovers
        }
        synchronized (this) {
            sandboxes.remove(old);
        }
        Slot next = new Slot(slot.name(), slot.admin(), fresh, slot.group);
        next.baseline = slot.baseline;
        rememberFingerprint(next);
        return next;
    }

    private Slot replaceDatabase(Slot slot) throws SQLException {
        slot.closeLearner();
        try {
            slot.admin().close();
        } catch (SQLException ignored) {
            // replaced anyway
        }
        server.admin().execute("DROP DATABASE IF EXISTS " + slot.name() + " WITH (FORCE)");
        synchronized (this) {
            databases.remove(slot.name());
        }
        return create(slot.group, slot.sandbox());
    }

    /**
     * Objects created after initdb (oids from 16384 on) in the catalogs a submission can add to, user
     * schemas, large objects and default privileges: after an emptying there must be exactly as many as in
     * the new database ({@link Slot#baseline}; 0 unless template0 holds something). Each
     * count is a range scan of an oid index: cheap enough for every submission.
     */
    private static final String LEFTOVERS = "(SELECT count(*) FROM ("
            + "SELECT 1 FROM pg_class WHERE oid >= 16384"
            + " UNION ALL SELECT 1 FROM pg_proc WHERE oid >= 16384"
            + " UNION ALL SELECT 1 FROM pg_type WHERE oid >= 16384"
            + " UNION ALL SELECT 1 FROM pg_operator WHERE oid >= 16384"
            + " UNION ALL SELECT 1 FROM pg_collation WHERE oid >= 16384"
            + " UNION ALL SELECT 1 FROM pg_conversion WHERE oid >= 16384"
            + " UNION ALL SELECT 1 FROM pg_ts_config WHERE oid >= 16384"
            + " UNION ALL SELECT 1 FROM pg_ts_dict WHERE oid >= 16384"
            + " UNION ALL SELECT 1 FROM pg_statistic_ext WHERE oid >= 16384"
            + " UNION ALL SELECT 1 FROM pg_namespace WHERE oid >= 16384 AND nspname NOT LIKE 'pg\\_%'" // temp schemas stay, empty
            + " UNION ALL SELECT 1 FROM pg_largeobject_metadata"
            + " UNION ALL SELECT 1 FROM pg_default_acl) AS leftover)";

    @Override
    public void close() {
        List<String> dbs;
        List<Sandbox> roles;
        List<String> jobGroups;
        synchronized (this) {
            dbs = List.copyOf(databases);
            roles = List.copyOf(sandboxes);
            jobGroups = List.copyOf(groups);
        }
        Slot slot;
        while ((slot = idle.poll()) != null) {
            slot.closeLearner();
            try {
                slot.admin().close();
            } catch (SQLException ignored) {
                // dropped next
            }
        }
        for (String name : dbs) {
            try {
                server.admin().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException ignored) {
                // a leftover goes with the next run's dropLeftovers
            }
        }
        for (Sandbox sandbox : roles) {
            try {
                sandbox.close();
            } catch (SQLException ignored) {
                // a leftover goes with the next run's dropLeftovers
            }
        }
        for (String group : jobGroups) {
            try {
                server.admin().execute("DROP ROLE IF EXISTS " + group);
            } catch (SQLException ignored) {
                // a leftover goes with the next run's dropLeftovers
            }
        }
    }
}
