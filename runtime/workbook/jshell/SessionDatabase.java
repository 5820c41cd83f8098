//DEPS org.jdbi:jdbi3-core:3.55.0
//DEPS org.jdbi:jdbi3-sqlobject:3.55.0
//DEPS org.jdbi:jdbi3-postgres:3.55.0
//DEPS org.postgresql:postgresql:42.7.14
package workbook.jshell;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.core.BaseConnection;
import workbook.UserError;
import workbook.db.ConnectionInfo;
import workbook.sql.ExceptionText;

/**
 * The {@code jdbi} and {@code handle} a Java session binds: a Jdbi with the SqlObject and Postgres plugins,
 * one open handle on crm_db, and a record of every connection Jdbi opened so a stop can cancel the query
 * each one is running (a thread blocked in a socket read ignores interrupts; PostgreSQL's cancel does not).
 */
final class SessionDatabase implements AutoCloseable {
    private static final AtomicInteger NEXT_ID = new AtomicInteger();

    private final int id = NEXT_ID.incrementAndGet();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final ConnectionInfo info;
    private final Jdbi jdbi;
    private final Handle handle;

    private SessionDatabase(ConnectionInfo info) {
        this.info = info;
        this.jdbi = Jdbi.create(new TrackingConnections())
                .installPlugin(new SqlObjectPlugin())
                .installPlugin(new PostgresPlugin());
        try {
            this.handle = jdbi.open();
        } catch (RuntimeException e) {
            throw UserError.environment("Cannot connect to " + info.jdbcUrl() + " as " + info.user() + ": "
                    + ExceptionText.rootLine(e).replaceFirst("\\.$", "") + ". Is the database up? Try `./jbang db up`.", e);
        }
        Bindings.register(id, this);
    }

    /** Connects (so a wrong URL fails here, in one line) and registers the objects under a fresh number. */
    static SessionDatabase open(ConnectionInfo info) {
        return new SessionDatabase(info);
    }

    int id() {
        return id;
    }

    ConnectionInfo info() {
        return info;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    Handle handle() {
        return handle;
    }

    /** Asks the server to cancel whatever each of this session's connections is running; idle ones ignore it. */
    void cancelRunningQueries() {
        for (Connection c : open) {
            try {
                c.unwrap(BaseConnection.class).cancelQuery();
            } catch (SQLException | RuntimeException e) {
                // a connection that is closing or broken has nothing left to cancel
            }
        }
    }

    @Override
    public void close() {
        Bindings.unregister(id);
        handle.close();
        for (Connection c : open) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing on the way out: nothing useful to do with the error
            }
        }
    }

    /** Opens plain driver connections, remembering each until Jdbi closes it. */
    private final class TrackingConnections implements ConnectionFactory {
        @Override
        public Connection openConnection() throws SQLException {
            Connection c = DriverManager.getConnection(info.jdbcUrl(), info.login("workbook java cells"));
            open.add(c);
            return c;
        }

        @Override
        public void closeConnection(Connection toClose) throws SQLException {
            open.remove(toClose);
            toClose.close();
        }
    }
}
