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
final class BackendWatch extends Watcher {
    private final String role;
    private volatile int peak;

    private BackendWatch(Connection connection, String role) {
        super(connection, 5, "lab-backend-watch");
        this.role = role;
    }

    static BackendWatch start(ConnectionInfo admin, String role) throws SQLException {
        BackendWatch watch = new BackendWatch(ServerAdmin.connect(admin, 10), role);
        watch.begin();
        return watch;
    }

    @Override
    PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement st = connection.prepareStatement(
                "SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE usename = ? AND backend_type = 'client backend'");
        st.setString(1, role);
        return st;
    }

    @Override
    void sample(ResultSet rows) throws SQLException {
        rows.next();
        peak = Math.max(peak, rows.getInt(1));
    }

    int peak() {
        return peak;
    }
}
