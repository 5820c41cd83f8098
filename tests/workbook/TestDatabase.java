package workbook;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import workbook.db.ConnectionInfo;

/**
 * A real PostgreSQL 14 for tests: one embedded server per test JVM, with the lesson's role (crmuser,
 * a superuser with a password, as in the postgres:14 image). Each test asks for a fresh database so
 * tests never see each other's tables.
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabase() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            admin("CREATE ROLE " + ConnectionInfo.LESSON_USER + " SUPERUSER LOGIN PASSWORD '" + ConnectionInfo.LESSON_PASSWORD + "'");
        }
        return server;
    }

    /** A new, empty database owned by crmuser, e.g. "t_users_3". */
    public static ConnectionInfo freshDatabase(String hint) {
        EmbeddedPostgres pg = server();
        String name = ("t_" + hint.replaceAll("[^A-Za-z0-9]", "_") + "_" + COUNTER.incrementAndGet()).toLowerCase();
        admin("CREATE DATABASE " + name + " OWNER " + ConnectionInfo.LESSON_USER);
        return new ConnectionInfo("localhost", pg.getPort(), name, ConnectionInfo.LESSON_USER, ConnectionInfo.LESSON_PASSWORD);
    }

    public static Connection connect(ConnectionInfo info) throws SQLException {
        return DriverManager.getConnection(info.jdbcUrl(), info.user(), info.password());
    }

    private static void admin(String sql) {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
