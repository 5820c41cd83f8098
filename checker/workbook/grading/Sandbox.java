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
 * Where one untrusted submission runs: a role of its own (LOGIN, and nothing else: not a superuser, no
 * CREATEDB, CREATEROLE, replication or server-file rights, timeouts as role defaults) and the databases
 * cloned for it, which only that role may connect to. Closing it ends its sessions, drops its databases
 * and then the role, leaving the server as it was.
 */
public final class Sandbox implements AutoCloseable {
    private final GradingServer server;
    private final String role;
    private final String password;
    private final List<String> databases = new ArrayList<>();
    private volatile boolean stopped;

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
        Sandbox sandbox = new Sandbox(server, role, password);
        // temp_file_limit can only be set by a superuser; where the instructor is not one, the timeouts still bound a query
        String tempLimit = "ALTER ROLE " + role + " SET temp_file_limit = '" + server.limits().tempFileLimit() + "'";
        try {
            server.admin().execute(sql + tempLimit);
        } catch (SQLException notSuperuser) {
            server.admin().execute("DROP ROLE IF EXISTS " + role);
            server.admin().execute(sql.toString());
        }
        return sandbox;
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
