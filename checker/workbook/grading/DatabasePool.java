package workbook.grading;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One database per parallel job, each used by one submission at a time and emptied between them, so a
 * submission costs no CREATE DATABASE (on a busy disk its two checkpoints take most of a second).
 *
 * <p>Why this is as isolating as a fresh database: everything a submission can create belongs to its own
 * role or to wbgrade_owner (the role may SET ROLE to it), and nothing else in the database is writable
 * to it (it owns neither the database nor its schema, cannot create schemas or extensions). Emptying runs
 * DROP OWNED BY both, which also revokes their privileges; a check then proves that no object is left in
 * any user schema, and if one is, the database is dropped and replaced by a fresh copy.
 */
final class DatabasePool implements AutoCloseable {
    /** A pooled database and the admin's session on it (for resets and the checks). */
    record Slot(String name, Connection admin) {
    }

    private final GradingServer server;
    private final String emptyTemplate;
    private final ReferenceStates states;
    private final LinkedBlockingQueue<Slot> idle = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();
    /** Slots emptied since their last use: the next prepare need not empty them again. */
    private final java.util.Set<String> clean = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private int created;
    private final String stem;

    DatabasePool(GradingServer server, String template, ReferenceStates states, int size, String stem) throws SQLException {
        this.server = server;
        this.emptyTemplate = template;
        this.states = states;
        this.stem = stem;
        for (int i = 0; i < size; i++) {
            idle.add(create());
        }
    }

    private synchronized Slot create() throws SQLException {
        String name = stem + "_pool" + (++created);
        all.add(name);
        server.admin().execute("CREATE DATABASE " + name + " TEMPLATE " + emptyTemplate);
        server.admin().execute("REVOKE ALL ON DATABASE " + name + " FROM PUBLIC");
        Connection admin = server.admin().connectTo(name);
        try (Statement s = admin.createStatement()) {
            s.execute("DROP OWNED BY " + GradingServer.OWNER_ROLE + " CASCADE");
        }
        clean.add(name);
        return new Slot(name, admin);
    }

    ReferenceStates states() {
        return states;
    }

    Slot lease() throws InterruptedException {
        return idle.take();
    }

    void release(Slot slot) {
        idle.add(slot);
    }

    /**
     * Empties {@code slot} of everything {@code role} did, builds reference state {@code k} and lets
     * {@code role} (only it) connect. Returns the slot to use: a replacement if the old one could not be emptied.
     */
    Slot prepare(Slot slot, String role, int k, int keptSession) throws SQLException {
        Slot ready = clean.contains(slot.name()) ? slot : empty(slot, role, keptSession);
        clean.remove(ready.name());
        states.build(ready.admin(), k, "GRANT CONNECT, TEMPORARY ON DATABASE " + ready.name() + " TO " + role);
        return ready;
    }

    /** Ends the role's sessions and drops everything it (or wbgrade_owner) owns here; the role can then be dropped. */
    Slot empty(Slot slot, String role) throws SQLException {
        return empty(slot, role, 0);
    }

    /**
     * Like {@link #empty(Slot, String)}, but leaves the session with backend pid {@code keptSession} (0:
     * none) open: the same submission's own session, idle and reset by DISCARD ALL after each file, which
     * then spares a new login for the next reference state.
     */
    Slot empty(Slot slot, String role, int keptSession) throws SQLException {
        try (Statement s = slot.admin().createStatement()) {
            // one round trip: the terminations, then the drop
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND pid <> pg_backend_pid() AND pid <> " + keptSession + ";"
                    + "DROP OWNED BY " + role + ", " + GradingServer.OWNER_ROLE + " CASCADE");
            if (leftovers(s) == 0) {
                clean.add(slot.name());
                return slot;
            }
        } catch (SQLException e) {
            // a database that cannot be emptied is replaced, never reused
        }
        return replace(slot, role);
    }

    private Slot replace(Slot slot, String role) throws SQLException {
        try {
            slot.admin().close();
        } catch (SQLException ignored) {
            // replaced anyway
        }
        server.admin().execute("DROP DATABASE IF EXISTS " + slot.name() + " WITH (FORCE)");
        synchronized (this) {
            all.remove(slot.name());
        }
        return create();
    }

    /** Objects in user schemas (and user schemas themselves): none may survive an emptying. */
    private static int leftovers(Statement s) throws SQLException {
        String userSchema = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'";
        try (ResultSet rs = s.executeQuery(
                "SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + userSchema + ")"
                + " + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE " + userSchema + ")"
                + " + (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE " + userSchema + ")"
                + " + (SELECT count(*) FROM pg_namespace n WHERE " + userSchema + " AND n.nspname <> 'public')"
                + " + (SELECT count(*) FROM pg_largeobject_metadata) + (SELECT count(*) FROM pg_default_acl)")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Override
    public void close() {
        List<String> names;
        synchronized (this) {
            names = List.copyOf(all);
        }
        Slot slot;
        while ((slot = idle.poll()) != null) {
            try {
                slot.admin().close();
            } catch (SQLException ignored) {
                // dropped next
            }
        }
        for (String name : names) {
            try {
                server.admin().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException ignored) {
                // a leftover goes with the next run's dropLeftovers
            }
        }
    }
}
