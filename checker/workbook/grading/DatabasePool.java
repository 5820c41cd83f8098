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
import java.util.stream.Collectors;
import workbook.checker.run.ReferenceStates;
import workbook.checker.sandbox.Sandbox;
import workbook.checker.sandbox.SandboxDatabase;

/**
 * One database, one sandbox role and its sessions per grading job, used by one submission at a time and
 * reset between them, so a submission costs no CREATE DATABASE (on a busy disk its two checkpoints take
 * most of a second), no CREATE ROLE and no new server process with cold caches.
 *
 * <p>Why this is as isolating as a fresh database and role: everything a submission can create belongs to
 * its role, and nothing else in the database is writable to it (it owns neither the database nor a schema,
 * cannot create schemas or extensions, and is a member of no role, so SET ROLE leads nowhere). Between
 * two submissions the admin drops everything the role owns and proves that no object is left and that the
 * role is as created (password, attributes, settings, memberships: what a role may change about itself);
 * the sessions are reset by DISCARD ALL after every use; anything else replaces the database or the role
 * (and its sessions). The admin's session on the database only drops and reads the catalogs, pinned; the
 * reference states are built by the role itself, on its own session.
 */
final class DatabasePool implements AutoCloseable {
    /** A job's database, the admin's session on it (resets and proofs), and its sandbox (the student's sessions). */
    static final class Slot {
        private final String name;
        private final Connection admin;
        private final Sandbox sandbox;
        /** The reference state the database holds untouched since it was built, or -1. */
        private int readyState = -1;
        /** {@link #LEFTOVERS} of the new database (from template0): what an emptying must come back to. */
        private long baseline;
        /** The role as created ({@link workbook.checker.sandbox.SandboxRole#fingerprintSql}). */
        private String fingerprint;

        private Slot(String name, Connection admin, Sandbox sandbox) {
            this.name = name;
            this.admin = admin;
            this.sandbox = sandbox;
        }

        String name() {
            return name;
        }

        Sandbox sandbox() {
            return sandbox;
        }
    }

    private final GradingServer server;
    private final ReferenceStates states;
    private final LinkedBlockingQueue<Slot> idle = new LinkedBlockingQueue<>();
    private final List<String> databases = new ArrayList<>();
    private final List<Sandbox> sandboxes = new ArrayList<>();
    private final List<Connection> adminSessions = new ArrayList<>();
    private int created;
    private final AtomicInteger alive = new AtomicInteger();
    private final String stem;

    /** Makes {@code size} slots; when that fails half-way (too many clients, say), removes what it made before saying so. */
    DatabasePool(GradingServer server, ReferenceStates states, int size, String stem) throws SQLException {
        this.server = server;
        this.states = states;
        this.stem = stem;
        try {
            for (int i = 1; i <= size; i++) {
                Slot slot = create(newSandbox());
                rememberFingerprint(slot);
                if (i == 1) {
                    proveSolutions(slot);
                }
                idle.add(ready(slot, 0));
                alive.incrementAndGet();
            }
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private Sandbox newSandbox() throws SQLException {
        Sandbox sandbox = server.openSandbox();
        synchronized (this) {
            sandboxes.add(sandbox);
        }
        return sandbox;
    }

    private Slot create(Sandbox sandbox) throws SQLException {
        String name;
        synchronized (this) {
            name = stem + "_pool" + (++created);
        }
        // template0: the pristine database initdb made, nothing of anyone's in it
        server.admin().execute("CREATE DATABASE " + name + " TEMPLATE template0");
        synchronized (this) {
            databases.add(name); // only what this pool made is its to drop
        }
        server.admin().execute("REVOKE ALL ON DATABASE " + name + " FROM PUBLIC");
        Connection admin = server.admin().connectTo(name);
        synchronized (this) {
            adminSessions.add(admin);
        }
        Slot slot = new Slot(name, admin, sandbox);
        try (Statement s = admin.createStatement()) {
            s.execute(SandboxDatabase.openTo(sandbox.role().name(), server.limits()) + ";\n" + grants(slot));
            try (ResultSet rs = s.executeQuery("SELECT " + LEFTOVERS)) {
                rs.next();
                slot.baseline = rs.getLong(1);
            }
        }
        return slot;
    }

    /**
     * Builds the last reference state once, a file at a time, so that a reference solution that does not
     * run stops the run, named, before any student is graded; then empties the database again.
     */
    private void proveSolutions(Slot slot) throws SQLException {
        try (Connection session = slot.sandbox.learner(slot.name)) {
            states.prove(session);
        }
        try (Statement s = slot.admin.createStatement()) {
            s.execute(dropOwned(slot));
        }
    }

    /** Builds reference state {@code k} in the slot's empty database, in one round trip, as the slot's role. */
    private Slot ready(Slot slot, int k) throws SQLException {
        try (Connection session = slot.sandbox.learner(slot.name)) {
            states.build(session, k);
        }
        slot.readyState = k;
        return slot;
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
     * it holds it untouched, else the admin drops what the role owns and the role builds the state in one
     * round trip. The submission's own idle sessions stay (a new login would buy no isolation within one submission).
     */
    Slot prepare(Slot slot, int k) throws SQLException {
        if (slot.readyState == k) {
            slot.readyState = -1;
            return slot;
        }
        slot.readyState = -1;
        try (Statement s = slot.admin.createStatement()) {
            s.execute(dropOwned(slot));
        }
        return ready(slot, k);
    }

    /**
     * Drops everything the role owns here, then gives it back what DROP OWNED also took (every privilege
     * granted to the role: to connect, to create in public), all in the one statement string.
     */
    private static String dropOwned(Slot slot) {
        return "DROP OWNED BY " + slot.sandbox.role().name() + " CASCADE;\n" + grants(slot);
    }

    /** What the role may do in its database beyond what PUBLIC may: connect, make temporary tables, create in public. */
    private static String grants(Slot slot) {
        String role = slot.sandbox.role().name();
        return "GRANT CONNECT, TEMPORARY ON DATABASE " + slot.name + " TO " + role + ";\nGRANT USAGE, CREATE ON SCHEMA public TO " + role;
    }

    /**
     * Between two submissions: ends every session on the database but the admin's and the sandbox's idle
     * ones, drops everything the role owns, proves that nothing is left and that the role is as created, in
     * one round trip; then the role builds the first reference state for the next submission. Whatever
     * fails that proof is replaced: the database, or the role and its sessions.
     */
    Slot recycle(Slot slot) {
        slot.readyState = -1;
        boolean emptied = false;
        boolean roleUntouched = false;
        String ours = slot.sandbox.pids().stream().map(String::valueOf).collect(Collectors.joining(", ", "ARRAY[", "]::pg_catalog.int4[]"));
        try (Statement s = slot.admin.createStatement()) {
            boolean isResult = s.execute("SELECT pg_catalog.pg_terminate_backend(a.pid) FROM pg_catalog.pg_stat_activity AS a"
                    + " WHERE a.datname OPERATOR(pg_catalog.=) pg_catalog.current_database() AND a.pid OPERATOR(pg_catalog.<>) pg_catalog.pg_backend_pid()"
                    + " AND a.pid OPERATOR(pg_catalog.<>) ALL (" + ours + ");\n"
                    + dropOwned(slot) + ";\n"
                    + "SELECT " + LEFTOVERS + " AS leftovers, (" + slot.sandbox.role().fingerprintSql() + ") AS role");
            while (isResult || s.getUpdateCount() != -1) {
                if (isResult) {
                    try (ResultSet rs = s.getResultSet()) {
                        if (rs.getMetaData().getColumnCount() == 2 && "leftovers".equals(rs.getMetaData().getColumnLabel(1)) && rs.next()) {
                            emptied = rs.getLong(1) == slot.baseline;
                            roleUntouched = slot.fingerprint != null && slot.fingerprint.equals(rs.getString(2));
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
            return ready(next, 0);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset a grading database: " + e.getMessage(), e);
        }
    }

    private void rememberFingerprint(Slot slot) throws SQLException {
        try (Statement s = slot.admin.createStatement(); ResultSet rs = s.executeQuery(slot.sandbox.role().fingerprintSql())) {
            rs.next();
            slot.fingerprint = rs.getString(1);
        }
    }

    private Slot replaceRole(Slot slot) throws SQLException {
        Sandbox old = slot.sandbox;
        Sandbox fresh = newSandbox();
        try (Statement s = slot.admin.createStatement()) {
            s.execute("DROP OWNED BY " + old.role().name() + " CASCADE"); // its privileges here, which would keep the role
            server.dropSandbox(old);
            synchronized (this) {
                sandboxes.remove(old);
            }
        } catch (SQLException e) {
            // dropped again when the pool closes
        }
        Slot next = new Slot(slot.name, slot.admin, fresh);
        next.baseline = slot.baseline;
        try (Statement s = next.admin.createStatement()) {
            s.execute(grants(next));
        }
        rememberFingerprint(next);
        return next;
    }

    private Slot replaceDatabase(Slot slot) throws SQLException {
        slot.sandbox.closeSessions();
        closeQuietly(slot.admin);
        server.admin().execute("DROP DATABASE IF EXISTS " + slot.name + " WITH (FORCE)");
        synchronized (this) {
            databases.remove(slot.name);
            adminSessions.remove(slot.admin);
        }
        Slot next = create(slot.sandbox);
        next.fingerprint = slot.fingerprint;
        return next;
    }

    /**
     * Objects created after initdb (oids from 16384 on) in the catalogs a submission can add to, user
     * schemas, large objects and default privileges: after an emptying there must be exactly as many as in
     * the new database ({@link Slot#baseline}; 0 unless template0 holds something). Each count is a range
     * scan of an oid index: cheap enough for every submission. Pinned: it runs where students' objects are.
     */
    private static final String LEFTOVERS = "(SELECT pg_catalog.count(*) FROM ("
            + oidsFrom("pg_class") + " UNION ALL " + oidsFrom("pg_proc") + " UNION ALL " + oidsFrom("pg_type")
            + " UNION ALL " + oidsFrom("pg_operator") + " UNION ALL " + oidsFrom("pg_collation") + " UNION ALL " + oidsFrom("pg_conversion")
            + " UNION ALL " + oidsFrom("pg_ts_config") + " UNION ALL " + oidsFrom("pg_ts_dict") + " UNION ALL " + oidsFrom("pg_statistic_ext")
            + " UNION ALL " + oidsFrom("pg_cast") + " UNION ALL " + oidsFrom("pg_transform")
            // temporary schemas stay, empty
            + " UNION ALL SELECT 1 FROM pg_catalog.pg_namespace AS n WHERE n.oid OPERATOR(pg_catalog.>=) 16384"
            + " AND n.nspname OPERATOR(pg_catalog.!~~) 'pg\\_%'"
            + " UNION ALL SELECT 1 FROM pg_catalog.pg_largeobject_metadata"
            + " UNION ALL SELECT 1 FROM pg_catalog.pg_default_acl) AS leftover)";

    private static String oidsFrom(String catalog) {
        return "SELECT 1 FROM pg_catalog." + catalog + " AS c WHERE c.oid OPERATOR(pg_catalog.>=) 16384";
    }

    @Override
    public void close() {
        List<String> dbs;
        List<Sandbox> roles;
        List<Connection> sessions;
        synchronized (this) {
            dbs = List.copyOf(databases);
            roles = List.copyOf(sandboxes);
            sessions = List.copyOf(adminSessions);
        }
        idle.clear();
        roles.forEach(Sandbox::closeSessions);
        sessions.forEach(DatabasePool::closeQuietly);
        for (String name : dbs) {
            try {
                server.admin().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException ignored) {
                // a leftover goes with the next run's dropLeftovers
            }
        }
        for (Sandbox sandbox : roles) {
            try {
                server.dropSandbox(sandbox);
            } catch (SQLException ignored) {
                // a leftover goes with the next run's dropLeftovers
            }
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // dropped next
        }
    }
}
