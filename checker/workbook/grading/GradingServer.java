package workbook.grading;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import workbook.checker.sandbox.Sandbox;
import workbook.checker.sandbox.SandboxLimits;
import workbook.checker.sandbox.SandboxRole;
import workbook.checker.sandbox.SandboxWatch;
import workbook.UserError;
import workbook.db.ConnectionInfo;

/**
 * The server as the grader uses it: everything it creates is named {@code wbgrade_...}, so it creates
 * and removes only its own databases and roles, on any provider. Its admin sessions only create, drop and
 * look at the catalogs (search_path pinned, names qualified); students' SQL, and everything that reads or
 * writes inside their databases, runs as the jobs' sandbox roles, which one {@link SandboxWatch} holds to
 * their limits.
 */
public final class GradingServer implements AutoCloseable {
    static final String PREFIX = "wbgrade_";
    /** Sessions a job's role may have: the student's and the checks', and room for one being replaced. */
    private static final int ROLE_CONNECTIONS = 4;
    /** Sessions a job uses at most: its admin's, its student's, its checks', and one of the admin pool's. */
    private static final int SESSIONS_PER_JOB = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AdminConnections admin;
    /** One Jdbi for every check of the run: its cache of parsed SQL then serves every submission. */
    private final ThreadLocal<Connection> handing = new ThreadLocal<>();
    private final Jdbi jdbi = Jdbi.create(handing::get);
    private final SandboxLimits limits;
    private final SandboxWatch watch;
    /** wbgrade_<epoch seconds>_<random>: this run's names, so leftovers of a killed run can be told by age. */
    private final String runStem;
    private final AtomicInteger sequence = new AtomicInteger();

    public GradingServer(ConnectionInfo adminInfo, SandboxLimits limits) {
        this.admin = new AdminConnections(adminInfo);
        this.limits = limits;
        this.watch = new SandboxWatch(adminInfo);
        this.runStem = PREFIX + (System.currentTimeMillis() / 1000) + "_" + String.format("%06x", RANDOM.nextInt(1 << 24));
    }

    public SandboxLimits limits() {
        return limits;
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

    /** A new role for a job's students (a member of no role), and the sandbox its sessions run in. */
    Sandbox openSandbox() throws SQLException {
        SandboxRole role = new SandboxRole(runStem + "_" + sequence.incrementAndGet(), SandboxRole.randomPassword());
        admin.execute(role.createSql(limits, true, ROLE_CONNECTIONS));
        return new Sandbox(role, admin.info(), limits, watch, null);
    }

    /** Closes a sandbox's sessions and drops its role, which must own nothing any more. */
    void dropSandbox(Sandbox sandbox) throws SQLException {
        sandbox.close();
        admin.execute("DROP ROLE IF EXISTS " + sandbox.role().name());
    }

    /**
     * True when the server syncs nothing to disk (fsync off, as on the throwaway cluster), so a checkpoint
     * costs only the copy of its dirty pages; on a server that syncs, the grader leaves checkpoints to it.
     */
    boolean syncsNothing() throws SQLException {
        Connection c = admin.borrow();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_catalog.current_setting('fsync')")) {
            return rs.next() && "off".equals(rs.getString(1));
        } finally {
            admin.giveBack(c, true);
        }
    }

    boolean adminIsSuperuser() throws SQLException {
        Connection c = admin.borrow();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT r.rolsuper FROM pg_catalog.pg_roles AS r WHERE r.rolname OPERATOR(pg_catalog.=) CURRENT_USER")) {
            return rs.next() && rs.getBoolean(1);
        } finally {
            admin.giveBack(c, true);
        }
    }

    /**
     * Says, before anything is made, when the server cannot hold {@code jobs} jobs: each needs sessions for
     * its admin, its student and its checks, and the run one more for its watch; a run that ran out of
     * sessions half-way would fail its students one by one instead.
     */
    void checkRoomFor(int jobs) throws SQLException {
        Connection c = admin.borrow();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT pg_catalog.current_setting('max_connections')::pg_catalog.int4"
                + " OPERATOR(pg_catalog.-) (SELECT pg_catalog.count(*) FROM pg_catalog.pg_stat_activity AS a"
                + " WHERE a.backend_type OPERATOR(pg_catalog.=) 'client backend')::pg_catalog.int4")) {
            rs.next();
            int free = rs.getInt(1);
            int needed = SESSIONS_PER_JOB * jobs + 1;
            if (needed > free) {
                int fits = Math.max(1, (free - 1) / SESSIONS_PER_JOB);
                throw UserError.badInput("--jobs " + jobs + " needs about " + needed + " sessions on " + admin.info().host() + ":"
                        + admin.info().port() + ", which has " + free + " free (max_connections): use --jobs " + fits + " or fewer.");
            }
        } finally {
            admin.giveBack(c, true);
        }
    }

    /**
     * Drops what killed runs left behind (databases and roles of this grader older than an hour), and what
     * older versions of the grader kept between runs (reference states as wbgrade_tpl_ databases, and the
     * role that owned them).
     */
    public void dropLeftovers() {
        long hourAgo = System.currentTimeMillis() / 1000 - 3600;
        try {
            Connection c = admin.borrow();
            try (Statement s = c.createStatement()) {
                for (String db : names(s, "SELECT datname FROM pg_catalog.pg_database WHERE datname OPERATOR(pg_catalog.~) '^wbgrade_([0-9]+_|tpl_)'")) {
                    if (db.startsWith("wbgrade_tpl_") || stamp(db) < hourAgo) {
                        s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
                    }
                }
                for (String role : names(s, "SELECT rolname FROM pg_catalog.pg_roles WHERE rolname OPERATOR(pg_catalog.~) '^wbgrade_([0-9]+_|owner$)'")) {
                    if (role.equals("wbgrade_owner") || stamp(role) < hourAgo) {
                        s.execute("DROP ROLE IF EXISTS " + role);
                    }
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

    @Override
    public void close() {
        watch.close();
        admin.close();
    }
}
