package workbook;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import workbook.db.ConnectionInfo;

/**
 * A real PostgreSQL 14 for tests: one embedded server per test JVM, with the lesson's role (crmuser,
 * a superuser with a password, as in the postgres:14 image). Each test asks for a fresh database so
 * tests never see each other's tables.
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** Each test JVM's data folder is named for its process, so a later run can tell a killed run's leftover. */
    private static final String DATA_PREFIX = "workbook-test-pg-";
    /** RAM when there is room: a database per test is created, copied and checkpointed hundreds of times a run. */
    private static final Path RAM = Path.of("/dev/shm");
    private static final long RAM_NEEDED = 4L << 30;
    private static EmbeddedPostgres server;
    private static Path data;

    private TestDatabase() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                Path parent = dataParent();
                removeLeftovers(parent);
                data = parent.resolve(DATA_PREFIX + ProcessHandle.current().pid());
                // the library's own hook deletes the data folder before the JVM may exit: with a database per
                // test that folder holds a GB or more, and a hook that takes 30 s makes surefire kill the JVM
                server = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                        .setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stop, "stop-test-postgres"));
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

    /** Stops the server (a second), then leaves deleting its data to a process that outlives this JVM. */
    private static void stop() {
        try {
            server.close();
            new ProcessBuilder("rm", "-rf", data.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            // the next run's removeLeftovers deletes the folder
        }
    }

    private static Path dataParent() throws IOException {
        boolean roomInRam = Files.isDirectory(RAM) && Files.isWritable(RAM) && Files.getFileStore(RAM).getUsableSpace() > RAM_NEEDED;
        return roomInRam ? RAM : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** Data folders of test JVMs that are gone (killed, or whose deleting process did not finish). */
    private static void removeLeftovers(Path parent) throws IOException {
        try (Stream<Path> entries = Files.list(parent)) {
            for (Path old : entries.filter(p -> p.getFileName().toString().startsWith(DATA_PREFIX)).toList()) {
                String pid = old.getFileName().toString().substring(DATA_PREFIX.length());
                boolean alive = pid.matches("\\d+") && ProcessHandle.of(Long.parseLong(pid)).isPresent();
                if (!alive) {
                    try {
                        FileTrees.deleteTree(old);
                    } catch (IOException | UncheckedIOException e) {
                        // being deleted by the process that run left behind
                    }
                }
            }
        }
    }

    /** Waits until a session on {@code info}'s database is running a statement containing {@code text}. */
    public static void awaitRunning(ConnectionInfo info, String text, Duration timeout) throws InterruptedException {
        String sql = "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND state = 'active' AND strpos(query, ?) > 0 AND pid <> pg_backend_pid()";
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = connect(info); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, info.database());
            s.setString(2, text);
            while (true) {
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && rs.getInt(1) > 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no session on " + info.database() + " ran `" + text + "` within " + timeout);
                }
                Thread.sleep(20);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
