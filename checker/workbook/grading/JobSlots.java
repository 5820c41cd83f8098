package workbook.grading;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import workbook.checker.sandbox.Sandbox;
import workbook.checker.sandbox.SandboxDatabase;

/**
 * Makes the jobs' databases and roles, replaces one that a submission left in doubt, and remembers what
 * it made, so that closing drops exactly that (and all of it, also after a start that failed half-way).
 * Every database comes from template0, the pristine one initdb made, with nothing of anyone's in it, and
 * only its job's role may connect to it: so what PUBLIC may do there (temporary tables, creating in public)
 * is that role's alone.
 */
final class JobSlots implements AutoCloseable {
    private final GradingServer server;
    private final String stem;
    private final List<String> databases = new ArrayList<>();
    private final List<Sandbox> sandboxes = new ArrayList<>();
    private final List<Connection> adminSessions = new ArrayList<>();
    private int created;

    /** @param stem the run's name for its databases, e.g. wbgrade_1764000000_a1b2c3_jobs */
    JobSlots(GradingServer server, String stem) {
        this.server = server;
        this.stem = stem;
    }

    /** A new database with a new role of its own, opened to it; its baseline and the role's fingerprint noted. */
    JobSlot create() throws SQLException {
        JobSlot slot = create(newSandbox());
        slot.fingerprint = LeftoverProof.fingerprint(slot);
        return slot;
    }

    private Sandbox newSandbox() throws SQLException {
        Sandbox sandbox = server.openSandbox();
        synchronized (this) {
            sandboxes.add(sandbox);
        }
        return sandbox;
    }

    private JobSlot create(Sandbox sandbox) throws SQLException {
        String name;
        synchronized (this) {
            name = stem + "_pool" + (++created);
        }
        server.admin().execute("CREATE DATABASE " + name + " TEMPLATE template0");
        synchronized (this) {
            databases.add(name); // only what this run made is its to drop
        }
        server.admin().execute("REVOKE CONNECT ON DATABASE " + name + " FROM PUBLIC");
        Connection admin = server.admin().connectTo(name);
        synchronized (this) {
            adminSessions.add(admin);
        }
        JobSlot slot = new JobSlot(name, admin, sandbox);
        // PostgreSQL 15 no longer lets PUBLIC create in public; 14 does, and then this changes nothing
        slot.adminExecute("GRANT USAGE, CREATE ON SCHEMA public TO PUBLIC;\n" + SandboxDatabase.openTo(sandbox.role().name(), server.limits())
                + ";\n" + slot.grants() + ";\n" + JobSlot.PREPARE_END_OTHERS);
        slot.baseline = LeftoverProof.count(admin);
        LeftoverProof.prepare(slot);
        return slot;
    }

    /** The same database with a new role (and new sessions); the old role goes once it owns nothing here. */
    JobSlot replaceRole(JobSlot slot) throws SQLException {
        Sandbox old = slot.sandbox();
        Sandbox fresh = newSandbox();
        try {
            LeftoverProof.forget(slot);
            slot.adminExecute("DROP OWNED BY " + old.role().name() + " CASCADE"); // its privileges here, which would keep the role
            server.dropSandbox(old);
            synchronized (this) {
                sandboxes.remove(old);
            }
        } catch (SQLException e) {
            // dropped again at close
        }
        JobSlot next = new JobSlot(slot.name(), slot.admin(), fresh);
        next.baseline = slot.baseline;
        next.adminExecute(next.grants());
        next.fingerprint = LeftoverProof.fingerprint(next);
        LeftoverProof.prepare(next);
        return next;
    }

    /** A new database for the same role, whose old one is dropped with whatever sessions it still had. */
    JobSlot replaceDatabase(JobSlot slot) throws SQLException {
        slot.sandbox().closeSessions();
        closeQuietly(slot.admin());
        server.admin().execute("DROP DATABASE IF EXISTS " + slot.name() + " WITH (FORCE)");
        synchronized (this) {
            databases.remove(slot.name());
            adminSessions.remove(slot.admin());
        }
        JobSlot next = create(slot.sandbox());
        next.fingerprint = slot.fingerprint;
        return next;
    }

    /** Drops every database and role made here, the databases first: a role can only go once it owns nothing. */
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
        roles.forEach(Sandbox::closeSessions);
        sessions.forEach(JobSlots::closeQuietly);
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
