//DEPS com.zaxxer:HikariCP:7.1.0
package workbook.scale;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import workbook.db.ConnectionInfo;

/**
 * How the service gets a connection for one request: a new one each time (a login, and a new server
 * process, per request), or borrowed from a HikariCP pool that keeps a few open. Counts the logins it made,
 * the figure pg_stat_activity cannot show afterwards.
 */
public final class ConnectionSource implements AutoCloseable {
    private final ConnectionInfo login;
    private final HikariDataSource pool;
    private final AtomicLong logins = new AtomicLong();

    private ConnectionSource(ConnectionInfo login, HikariDataSource pool) {
        this.login = login;
        this.pool = pool;
    }

    /** A new connection per request, closed at its end. */
    public static ConnectionSource newConnectionEachTime(ConnectionInfo login) {
        return new ConnectionSource(login, null);
    }

    /** A HikariCP pool of at most {@code size} connections, all opened once and lent out. */
    public static ConnectionSource pooled(ConnectionInfo login, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(login.jdbcUrl());
        config.setUsername(login.user());
        config.setPassword(login.password());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setPoolName("crm-app-" + login.port());
        config.addDataSourceProperty("ApplicationName", "crm-app");
        return new ConnectionSource(login, new HikariDataSource(config));
    }

    public Connection open() throws SQLException {
        if (pool != null) {
            return pool.getConnection();
        }
        logins.incrementAndGet();
        Properties properties = login.login("crm-app");
        return DriverManager.getConnection(login.jdbcUrl(), properties);
    }

    /** Logins made so far: one per request without a pool; the pool's own, at most its size, with one. */
    public long logins() {
        return pool == null ? logins.get() : pool.getHikariPoolMXBean() == null ? 0 : pool.getHikariPoolMXBean().getTotalConnections();
    }

    public boolean pooled() {
        return pool != null;
    }

    public ConnectionInfo login() {
        return login;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
