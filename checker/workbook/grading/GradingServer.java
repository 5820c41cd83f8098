package workbook.grading;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import workbook.db.ConnectionInfo;

/**
 * The server as the grader uses it: everything it creates is named {@code wbgrade_...}, so it creates
 * and removes only its own databases and roles, on any provider. It keeps templates of the checker's
 * reference states whose tables belong to the NOLOGIN role {@code wbgrade_owner}; each submission's
 * role is a member of it, so the student can ALTER the users table without ever being more.
 */
public final class GradingServer implements AutoCloseable {
    static final String PREFIX = "wbgrade_";
    static final String OWNER_ROLE = PREFIX + "owner";
    private static final String TEMPLATE_PREFIX = PREFIX + "tpl_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AdminConnections admin;
    /** One Jdbi for every check of the run: its cache of parsed SQL then serves every submission. */
    private final ThreadLocal<Connection> handing = new ThreadLocal<>();
    private final Jdbi jdbi = Jdbi.create(handing::get);
    private final SandboxLimits limits;
    /** wbgrade_<epoch seconds>_<random>: this run's names, so leftovers of a killed run can be told by age. */
    private final String runStem;
    private final AtomicInteger sequence = new AtomicInteger();
    /** The checker's template name to the grader's copy, once built in this run. */
    private final Map<String, String> templates = new ConcurrentHashMap<>();

    public GradingServer(ConnectionInfo adminInfo, SandboxLimits limits) {
        this.admin = new AdminConnections(adminInfo);
        this.limits = limits;
        this.runStem = PREFIX + (System.currentTimeMillis() / 1000) + "_" + String.format("%06x", RANDOM.nextInt(1 << 24));
    }

    public SandboxLimits limits() {
        return limits;
    }

    ConnectionInfo adminInfo() {
        return admin.info();
    }

    AdminConnections admin() {
        return admin;
    }

    /** A handle of the run's shared Jdbi on {@code connection}; closing the handle closes (or gives back) the connection. */
    Handle handleOn(Connection connection) {
        handing.set(connection);
        try {
            return jdbi.open();
        } finally {
            handing.remove();
        }
    }

    /** A name of this run's, e.g. wbgrade_1764000000_a1b2c3_jobs: dropped as a leftover if the run is killed. */
    String newName(String suffix) {
        return runStem + "_" + suffix;
    }

    /** A fresh role for one submission; its databases come from {@link Sandbox#cloneOf(String)}. */
    public Sandbox openSandbox() throws SQLException {
        String role = runStem + "_" + sequence.incrementAndGet();
        return Sandbox.create(this, role, randomPassword());
    }

    /**
     * The grader's copy of a reference template (one of the checker's), owned by wbgrade_owner and closed
     * to connections, built once and kept while its source exists.
     */
    public String templateFrom(String source) throws SQLException {
        String known = templates.get(source);
        return known != null ? known : buildTemplateFrom(source);
    }

    private synchronized String buildTemplateFrom(String source) throws SQLException {
        String name = TEMPLATE_PREFIX + source.replaceFirst("^wb_tpl_", "");
        if (name.length() > 63) {
            throw new IllegalArgumentException("template name too long: " + name);
        }
        underTemplatesLock(s -> {
            ensureOwnerRole(s);
            if (!exists(s, "SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                build(s, source, name);
            }
        });
        templates.put(source, name);
        return name;
    }

    private void build(Statement s, String source, String name) throws SQLException {
        String building = name.length() <= 54 ? name + "_building" : name.substring(0, 54) + "_building";
        s.execute("DROP DATABASE IF EXISTS " + building);
        s.execute("CREATE DATABASE " + building + " TEMPLATE " + source);
        try (Connection t = admin.connectTo(building); Statement ts = t.createStatement()) {
            // hand the lesson's objects to wbgrade_owner: a student's role is its member, not the admin
            List<String> handOver = new ArrayList<>();
            String mine = "(SELECT oid FROM pg_roles WHERE rolname = current_user)";
            String userSchema = "NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'";
            try (ResultSet rs = ts.executeQuery(
                    "SELECT format('ALTER TABLE %I.%I OWNER TO " + OWNER_ROLE + "', n.nspname, c.relname)"
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relowner = " + mine + " AND n.nspname " + userSchema
                    + " UNION ALL SELECT format('ALTER ROUTINE %s OWNER TO " + OWNER_ROLE + "', p.oid::regprocedure)"
                    + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                    + " WHERE p.proowner = " + mine + " AND n.nspname " + userSchema)) {
                while (rs.next()) {
                    handOver.add(rs.getString(1));
                }
            }
            for (String sql : handOver) {
                ts.execute(sql);
            }
        }
        s.execute("REVOKE ALL ON DATABASE " + building + " FROM PUBLIC");
        s.execute("ALTER DATABASE " + building + " RENAME TO " + name);
        // nobody may connect to a template: one open session would make every CREATE DATABASE ... TEMPLATE fail
        s.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
    }

    boolean adminIsSuperuser() throws SQLException {
        Connection c = admin.borrow();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            return rs.next() && rs.getBoolean(1);
        } finally {
            admin.giveBack(c, true);
        }
    }

    /** wbgrade_owner, which owns the reference states' objects; created once per server, under the templates' lock. */
    void ensureOwnerRole() throws SQLException {
        underTemplatesLock(GradingServer::ensureOwnerRole);
    }

    /** Work on the server's shared grading objects, one grading run at a time (they may run side by side). */
    private void underTemplatesLock(LockedWork work) throws SQLException {
        Connection c = admin.borrow();
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_lock(hashtext('workbook grading templates'))");
            try {
                work.run(s);
            } finally {
                s.execute("SELECT pg_advisory_unlock(hashtext('workbook grading templates'))");
            }
        } finally {
            admin.giveBack(c, true);
        }
    }

    private interface LockedWork {
        void run(Statement s) throws SQLException;
    }

    private static void ensureOwnerRole(Statement s) throws SQLException {
        if (!exists(s, "SELECT 1 FROM pg_roles WHERE rolname = '" + OWNER_ROLE + "'")) {
            s.execute("CREATE ROLE " + OWNER_ROLE + " NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
        }
    }

    /**
     * Drops what killed runs left behind (databases and roles of this grader older than an hour),
     * and templates whose source the checker has since replaced.
     */
    public void dropLeftovers() {
        long hourAgo = System.currentTimeMillis() / 1000 - 3600;
        try {
            Connection c = admin.borrow();
            try (Statement s = c.createStatement()) {
                for (String db : names(s, "SELECT datname FROM pg_database WHERE datname ~ '^wbgrade_[0-9]+_'")) {
                    if (stamp(db) < hourAgo) {
                        s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
                    }
                }
                for (String role : names(s, "SELECT rolname FROM pg_roles WHERE rolname ~ '^wbgrade_[0-9]+_'")) {
                    if (stamp(role) < hourAgo) {
                        s.execute("DROP ROLE IF EXISTS " + role);
                    }
                }
                for (String tpl : names(s, "SELECT d.datname FROM pg_database d WHERE d.datname LIKE 'wbgrade\\_tpl\\_%' "
                        + "AND NOT EXISTS (SELECT 1 FROM pg_database s WHERE s.datname = 'wb_tpl_' || substr(d.datname, 13))")) {
                    s.execute("DROP DATABASE IF EXISTS " + tpl);
                }
            } finally {
                admin.giveBack(c, true);
            }
        } catch (SQLException e) {
            // housekeeping only: grading goes on, the leftovers go next time
        }
    }

    private static long stamp(String name) {
        String[] parts = name.split("_");
        return parts.length > 1 && parts[1].matches("\\d{1,12}") ? Long.parseLong(parts[1]) : Long.MAX_VALUE;
    }

    static List<String> names(Statement s, String query) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static boolean exists(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery(query)) {
            return rs.next();
        }
    }

    private static String randomPassword() {
        String letters = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            p.append(letters.charAt(RANDOM.nextInt(letters.length())));
        }
        return p.toString();
    }

    @Override
    public void close() {
        admin.close();
    }
}
