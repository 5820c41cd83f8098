//DEPS org.postgresql:postgresql:42.7.14
package workbook.grading;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.LinkedBlockingDeque;
import workbook.checker.sandbox.PinnedSearchPath;
import workbook.db.ConnectionInfo;

/**
 * A small pool of the instructor's (admin) connections to the server's maintenance database, used only
 * to create and drop the grader's own roles and databases. Opening a connection costs a server process
 * (milliseconds), which a class of hundreds would pay hundreds of times. Every admin session has its
 * search_path pinned to pg_catalog, also those on a job's database, where students' objects are.
 */
final class AdminConnections implements AutoCloseable {
    private final ConnectionInfo admin;
    private final LinkedBlockingDeque<Connection> idle = new LinkedBlockingDeque<>();

    AdminConnections(ConnectionInfo admin) {
        this.admin = admin;
    }

    ConnectionInfo info() {
        return admin;
    }

    /** Runs {@code sql} (one or more statements, the grader's own, never a student's) on an idle connection. */
    void execute(String sql) throws SQLException {
        Connection c = borrow();
        boolean healthy = false;
        try (Statement s = c.createStatement()) {
            s.execute(sql);
            healthy = true;
        } finally {
            giveBack(c, healthy);
        }
    }

    /** A connection to one of the grader's databases, as the admin (not pooled: each database needs its own). */
    Connection connectTo(String database) throws SQLException {
        ConnectionInfo other = admin.withDatabase(database);
        return DriverManager.getConnection(other.jdbcUrl(), properties(other.user(), other.password()));
    }

    /**
     * Login properties for the grader's admin sessions. Their commits need not wait for the WAL to reach
     * the disk (synchronous_commit off: a crash could lose the last moments of throw-away grading databases
     * and roles, never corrupt anything); on a busy disk that wait, at every reset, is much of its time. A
     * lock a student's leftovers could hold (a prepared transaction) must not make a reset wait for ever.
     */
    static Properties properties(String user, String password) {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("options", "-c synchronous_commit=off -c lock_timeout=10s");
        props.setProperty("ApplicationName", "workbook grader");
        return PinnedSearchPath.add(props);
    }

    Connection borrow() throws SQLException {
        Connection c = idle.pollFirst();
        return c != null ? c : DriverManager.getConnection(admin.jdbcUrl(), properties(admin.user(), admin.password()));
    }

    /** Returns a connection; one that failed is closed rather than handed to the next caller in an unknown state. */
    void giveBack(Connection c, boolean healthy) {
        try {
            if (healthy && c.getAutoCommit() && !c.isClosed()) {
                idle.offerFirst(c);
                return;
            }
            c.close();
        } catch (SQLException ignored) {
            // a broken connection is simply not reused
        }
    }

    @Override
    public void close() {
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing on the way out
            }
        }
    }
}
