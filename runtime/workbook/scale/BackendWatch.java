package workbook.scale;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import workbook.db.ConnectionInfo;
import workbook.db.ServerAdmin;

/**
 * Counts, every few milliseconds while a load runs, the backends (server processes) of one role in
 * pg_stat_activity, on a superuser connection of its own, and keeps the peak.
 */
final class BackendWatch implements AutoCloseable {
    private static final long EVERY_MILLIS = 5;

    private final Connection connection;
    private final String role;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile int peak;

    private BackendWatch(Connection connection, String role) {
        this.connection = connection;
        this.role = role;
        this.thread = new Thread(this::watch, "lab-backend-watch");
        thread.setDaemon(true);
    }

    static BackendWatch start(ConnectionInfo admin, String role) throws SQLException {
        BackendWatch watch = new BackendWatch(ServerAdmin.connect(admin, 10), role);
        watch.thread.start();
        return watch;
    }

    private void watch() {
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE usename = ? AND backend_type = 'client backend'")) {
            st.setString(1, role);
            while (!stopped) {
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    peak = Math.max(peak, rs.getInt(1));
                }
                Thread.sleep(EVERY_MILLIS);
            }
        } catch (SQLException | InterruptedException e) {
            // the watch ends with its connection; the peak so far stands
        }
    }

    int peak() {
        return peak;
    }

    @Override
    public void close() throws SQLException {
        stopped = true;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
    }
}
