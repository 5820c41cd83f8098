package workbook.scale;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A query run every few milliseconds on a connection of its own, in a daemon thread, until closed: what the
 * lab's watchers (backends in pg_stat_activity, replication lag) share. Each result goes to {@link #sample}.
 */
abstract class Watcher implements AutoCloseable {
    private final Connection connection;
    private final long everyMillis;
    private final Thread thread;
    private volatile boolean stopped;

    Watcher(Connection connection, long everyMillis, String name) {
        this.connection = connection;
        this.everyMillis = everyMillis;
        this.thread = new Thread(this::watch, name);
        thread.setDaemon(true);
    }

    /** Starts watching; call once the subclass is fully built. */
    final void begin() {
        thread.start();
    }

    /** The query, with its parameters bound. */
    abstract PreparedStatement prepare(Connection connection) throws SQLException;

    /** One result of the query. */
    abstract void sample(ResultSet rows) throws SQLException;

    private void watch() {
        try (PreparedStatement st = prepare(connection)) {
            while (!stopped) {
                try (ResultSet rows = st.executeQuery()) {
                    sample(rows);
                }
                Thread.sleep(everyMillis);
            }
        } catch (SQLException | InterruptedException e) {
            // the watch ends with its connection; the samples so far stand
        }
    }

    /** Stops watching; what was sampled stays. */
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
