package workbook.grading;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import workbook.db.ConnectionInfo;

/**
 * Where untrusted submissions run: a role (LOGIN, and nothing else: not a superuser, no CREATEDB,
 * CREATEROLE, replication or server-file rights, timeouts as role defaults) and the databases cloned for
 * it, which only that role may connect to. A grading job keeps one sandbox for its submissions one after
 * another ({@link #nextTurn()}); between two, the job's database is emptied and the role proven untouched
 * ({@link #fingerprintSql()}), or replaced. Closing it ends its sessions, drops its databases and then the
 * role, leaving the server as it was.
 */
public final class Sandbox implements AutoCloseable {
    private final GradingServer server;
    private final String role;
    private final String password;
    private final List<String> databases = new ArrayList<>();
    private volatile boolean stopped;
    /** Which submission's turn it is: a time limit that fires late must not stop the next one. */
    private int turn;
    /** The role as created (see {@link #fingerprintSql()}); read once after creation. */
    private String fingerprint;

    private Sandbox(GradingServer server, String role, String password) {
        this.server = server;
        this.role = role;
        this.password = password;
    }

    static Sandbox create(GradingServer server, String role, String password) throws SQLException {
        StringBuilder sql = new StringBuilder("CREATE ROLE ").append(role)
                .append(" LOGIN PASSWORD '").append(RoleSecret.scramVerifier(password)).append('\'')
                .append(" NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT CONNECTION LIMIT 4")
                .append(" IN ROLE ").append(GradingServer.OWNER_ROLE).append(';');
        for (String[] setting : server.limits().roleSettings()) {
            sql.append("ALTER ROLE ").append(role).append(" SET ").append(setting[0]).append(" = '").append(setting[1]).append("';");
        }
        // temp_file_limit only a superuser may set, which the grader is (GradingRun checks it first)
        sql.append("ALTER ROLE ").append(role).append(" SET temp_file_limit = '").append(server.limits().tempFileLimit()).append('\'');
        server.admin().execute(sql.toString());
        return new Sandbox(server, role, password);
    }

    /** Additional memberships for the role (a job's group, which may connect to the job's database). */
    void grantMembership(String group) throws SQLException {
        server.admin().execute("GRANT " + group + " TO " + role);
    }

    /**
     * One SQL expression describing everything about the role a submission could change on its own:
     * its password (the grader is a superuser: it may read it), attributes, settings (ALTER ROLE ... SET is allowed on
     * oneself) and memberships both ways (PostgreSQL 14 lets a role grant itself to others). Equal
     * before and after a submission means the next one meets the role as created.
     */
    String fingerprintSql() {
        String r = "'" + role + "'";
        return "(SELECT concat_ws(' | ',"
                + " (SELECT rolpassword FROM pg_authid WHERE rolname = " + r + "),"
                + " (SELECT concat_ws(',', rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication,"
                + "  rolbypassrls, rolconnlimit, rolvaliduntil) FROM pg_roles WHERE rolname = " + r + "),"
                + " (SELECT string_agg(setdatabase || ':' || setconfig::text, ';' ORDER BY setdatabase) FROM pg_db_role_setting"
                + "  WHERE setrole = (SELECT oid FROM pg_roles WHERE rolname = " + r + ")),"
                + " (SELECT string_agg(roleid::regrole || '>' || member::regrole || ':' || admin_option, ';' ORDER BY roleid, member)"
                + "  FROM pg_auth_members WHERE (SELECT oid FROM pg_roles WHERE rolname = " + r + ") IN (roleid, member))))";
    }

    /** Remembers the role's fingerprint as it is now (right after creation). */
    void rememberFingerprint(String now) {
        this.fingerprint = now;
    }

    /** Whether {@code now} (the value of {@link #fingerprintSql()}) still describes the role as created. */
    boolean untouched(String now) {
        return fingerprint != null && fingerprint.equals(now);
    }

    /** The next submission's turn: sessions may open again, and only its own time limit can stop them. */
    synchronized int nextTurn() {
        stopped = false;
        return ++turn;
    }

    public String role() {
        return role;
    }

    /** A new database for this submission from {@code template}; only this sandbox's role can connect to it. */
    public String cloneOf(String template) throws SQLException {
        String name;
        synchronized (databases) {
            name = role + "_" + (databases.size() + 1);
        }
        cloneAs(name, template);
        return name;
    }

    /** Like {@link #cloneOf(String)} under a name chosen by the caller (the checker names its scratch copies). */
    public void cloneAs(String name, String template) throws SQLException {
        synchronized (databases) {
            databases.add(name);
        }
        server.admin().execute("CREATE DATABASE " + name + " TEMPLATE " + template);
        server.admin().execute("REVOKE ALL ON DATABASE " + name + " FROM PUBLIC;"
                + "GRANT CONNECT, TEMPORARY ON DATABASE " + name + " TO " + role);
    }

    /** A session as the submission's role, where its SQL runs; refused once the sandbox is stopped. */
    public Connection connect(String database) throws SQLException {
        if (stopped) {
            throw new SQLException("the submission's time is up; its sessions were ended", "57014");
        }
        ConnectionInfo info = server.adminInfo().withDatabase(database);
        Properties props = AdminConnections.properties(role, password);
        props.setProperty("ApplicationName", "wbgrade submission");
        return DriverManager.getConnection(info.jdbcUrl(), props);
    }

    /** The admin on one of this sandbox's databases: for the checks, which must not trust the student's session. */
    public Connection connectAsAdmin(String database) throws SQLException {
        return server.admin().connectTo(database);
    }

    /**
     * Ends the submission's sessions now (its overall time is up). Terminating, not cancelling: a
     * PL/pgSQL block can catch a cancel, never a terminate. Later {@link #connect} calls are refused.
     */
    public void stop() {
        stopNow();
    }

    /** Stops the sandbox if it is still submission {@code turn}'s (see {@link #nextTurn()}). */
    synchronized void stop(int turn) {
        if (turn == this.turn) {
            stopNow();
        }
    }

    private synchronized void stopNow() {
        stopped = true;
        try {
            server.admin().execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + role + "'");
        } catch (SQLException ignored) {
            // the drop WITH (FORCE) on close ends them anyway
        }
    }

    public boolean stopped() {
        return stopped;
    }

    @Override
    public void close() throws SQLException {
        stopped = true;
        SQLException first = null;
        List<String> toDrop;
        synchronized (databases) {
            toDrop = List.copyOf(databases);
        }
        for (String database : toDrop) {
            try {
                // WITH (FORCE) ends a session the submission left behind instead of waiting for it
                server.admin().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        try {
            server.admin().execute("DROP ROLE IF EXISTS " + role);
        } catch (SQLException e) {
            first = first == null ? e : first;
        }
        if (first != null) {
            throw first;
        }
    }
}
