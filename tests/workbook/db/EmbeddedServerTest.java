package workbook.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import workbook.Slow;

/**
 * The embedded provider against real PostgreSQL 14 processes. One server is shared (each test leaves it
 * running, on its port); the port and purge cases each need a checkout of their own.
 */
@Slow
class EmbeddedServerTest {
    private static DatabaseSettings settings;
    private static EmbeddedServer server;
    private static RunningServer first;

    @BeforeAll
    static void startShared() {
        settings = TestSettings.fresh("embedded");
        server = new EmbeddedServer(settings);
        first = server.up();
    }

    @AfterAll
    static void stopShared() {
        server.stop();
    }

    @Test
    void firstUpCreatesCrmDbOwnedByCrmuserOnThePreferredPort() throws SQLException {
        assertThat(first.provider()).isEqualTo("embedded");
        assertThat(first.description()).startsWith("created and started the embedded PostgreSQL 14");
        assertThat(first.connection().port()).isEqualTo(settings.preferredPort());
        assertThat(first.connection().database()).isEqualTo("crm_db");
        try (var c = ServerAdmin.connect(first.connection(), 5);
             var rs = c.createStatement().executeQuery("SELECT current_user, rolsuper, version() FROM pg_roles WHERE rolname = current_user")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("crmuser");
            assertThat(rs.getBoolean(2)).as("crmuser is a superuser, as in the postgres:14 image").isTrue();
            assertThat(rs.getString(3)).startsWith("PostgreSQL 14.");
        }
        assertThat(settings.stateDir().resolve("postgres-data/PG_VERSION")).exists();
    }

    @Test
    void aWrongPasswordIsRefused() {
        ConnectionInfo wrong = new ConnectionInfo("localhost", server.up().connection().port(), "crm_db", "crmuser", "not-the-password");
        assertThatThrownBy(() -> ServerAdmin.connect(wrong, 5).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void secondUpAttachesToTheRunningServer() {
        ConnectionInfo running = server.up().connection();
        new ServerMemory(settings.stateDir()).forget();
        RunningServer again = new EmbeddedServer(settings).up();
        assertThat(again.description()).startsWith("attached to the embedded PostgreSQL 14 already running");
        assertThat(again.connection()).isEqualTo(running);
        assertThat(new ServerMemory(settings.stateDir()).recall()).as("attaching remembers the server, so later commands pick it")
                .hasValueSatisfying(r -> assertThat(r.provider() + ":" + r.port()).isEqualTo("embedded:" + running.port()));
    }

    @Test
    void resetKeepsTheServerButEmptiesCrmDb() throws SQLException {
        ConnectionInfo db = server.up().connection();
        Rows.write(db, "before-reset@example.com");
        ServerAdmin.recreateDatabase(db);
        assertThat(ServerAdmin.lessonState(db)).isEqualTo(new ServerAdmin.LessonState(false, 0));
        assertThat(server.running()).contains(db);
    }

    @Test
    void dataSurvivesStopAndStart() throws SQLException {
        ConnectionInfo db = server.up().connection();
        Rows.write(db, "alice@example.com");
        assertThat(server.stop()).startsWith("Stopped the embedded PostgreSQL");
        assertThat(server.running()).isEmpty();
        RunningServer again = server.up();
        assertThat(again.description()).startsWith("started the embedded PostgreSQL 14");
        assertThat(again.connection().port()).as("the remembered port").isEqualTo(db.port());
        assertThat(Rows.read(again.connection())).contains("alice@example.com");
    }

    @Test
    void aStaleDataFolderFromACrashedRunIsRecoveredWithItsData() throws Exception {
        ConnectionInfo db = server.up().connection();
        Rows.write(db, "bob@example.com");
        long pid = PostmasterPid.read(server.dataDir()).orElseThrow().pid();
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        postmaster.destroyForcibly();
        postmaster.onExit().get();
        // what a crash or a reboot leaves behind: postmaster.pid naming a process that is gone
        assertThat(server.dataDir().resolve("postmaster.pid")).exists();
        waitUntilPortIsFree(db.port());

        RunningServer recovered = server.up();
        assertThat(recovered.description()).startsWith("started the embedded PostgreSQL 14");
        assertThat(Rows.read(recovered.connection())).contains("bob@example.com");
    }

    @Test
    void aTakenPortMovesTheServerToAFreeOneAndSaysSo() throws Exception {
        DatabaseSettings own = TestSettings.fresh("port");
        EmbeddedServer moved = new EmbeddedServer(own);
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), own.preferredPort()));
            RunningServer db = moved.up();
            assertThat(db.connection().port()).isNotEqualTo(own.preferredPort());
            assertThat(db.description()).contains("port " + own.preferredPort() + " is taken by another program");
            assertThat(ServerAdmin.answers(db.connection())).isTrue();
        } finally {
            moved.stop();
        }
    }

    @Test
    void purgeStopsTheServerAndRemovesItsDataFolder() {
        DatabaseSettings own = TestSettings.fresh("purge");
        EmbeddedServer purged = new EmbeddedServer(own);
        purged.up();
        assertThat(purged.purge()).startsWith("Stopped the embedded PostgreSQL and removed its data folder");
        assertThat(Files.exists(purged.dataDir())).isFalse();
        assertThat(new ServerMemory(own.stateDir()).recall()).isEmpty();
        assertThat(purged.running()).isEmpty();
    }

    @Test
    void aDataFolderThatIsNotPostgresIsNeverOverwritten() throws Exception {
        DatabaseSettings own = TestSettings.fresh("foreign");
        EmbeddedServer foreign = new EmbeddedServer(own);
        Files.createDirectories(foreign.dataDir());
        Files.writeString(foreign.dataDir().resolve("notes.txt"), "mine");
        assertThatThrownBy(foreign::up)
                .isInstanceOf(workbook.UserError.class)
                .hasMessageContaining("is not a PostgreSQL data folder");
        assertThat(foreign.dataDir().resolve("notes.txt")).hasContent("mine");
    }

    private static void waitUntilPortIsFree(int port) throws InterruptedException {
        for (int i = 0; i < 100 && !FreePorts.isFree(port); i++) {
            Thread.sleep(50);
        }
    }
}
