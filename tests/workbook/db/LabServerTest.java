package workbook.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import workbook.Slow;
import workbook.cli.CommandJvm;

/**
 * The scale lab's extra servers: a replica made without pg_basebackup really streams what its primary writes,
 * and no server, port or folder outlives the lab, whether it ends, is interrupted (Ctrl-C) or is killed hard
 * (then the next lab start removes it).
 */
@Slow
class LabServerTest {

    @Test
    void aReplicaReadsWhatThePrimaryWritesAndClosingLeavesNothing() throws Exception {
        DatabaseSettings settings = TestSettings.fresh("lab-replica");
        int primaryPort;
        int replicaPort;
        try (LabServer primary = LabServer.start(settings, "primary", "crm_lab_scale")) {
            run(primary, "CREATE TABLE users (email text PRIMARY KEY); INSERT INTO users VALUES ('before@example.com')");
            try (LabServer replica = LabServer.replicaOf(settings, primary, "replica1")) {
                primaryPort = primary.port();
                replicaPort = replica.port();
                assertThat(query(replica, "SELECT pg_is_in_recovery()::text")).isEqualTo("true");
                assertThat(query(replica, "SELECT string_agg(email, ',') FROM users")).as("the copy holds the rows before it").isEqualTo("before@example.com");

                run(primary, "INSERT INTO users VALUES ('after@example.com')");
                assertThat(awaitValue(replica, "SELECT count(*)::text FROM users WHERE email = 'after@example.com'", "1", Duration.ofSeconds(20)))
                        .as("a row written on the primary after the copy is read on the replica").isTrue();
                assertThat(query(primary, "SELECT application_name || ' ' || state FROM pg_stat_replication")).isEqualTo("replica1 streaming");
            }
            assertThat(LabServer.folders(settings)).hasSize(1);
        }
        assertThat(LabServer.folders(settings)).as("closed servers leave no folder").isEmpty();
        assertThat(FreePorts.isFree(primaryPort)).isTrue();
        assertThat(FreePorts.isFree(replicaPort)).isTrue();
    }

    @Test
    void ctrlCStopsTheServerAndRemovesItsFolder() throws Exception {
        DatabaseSettings settings = TestSettings.fresh("lab-ctrl-c");
        Process child = startChild(settings);
        String[] started = firstLine(child);
        // what a terminal's Ctrl-C sends: the JVM runs its shutdown hooks
        assertThat(new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor()).isZero();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Path.of(started[0])).as("the interrupted lab's folder").doesNotExist();
        assertThat(ServerAdmin.answers(ConnectionInfo.lesson("localhost", Integer.parseInt(started[1])).withDatabase("postgres")))
                .as("the interrupted lab's server").isFalse();
    }

    @Test
    void theNextLabRemovesTheServerOfALabKilledHard() throws Exception {
        DatabaseSettings settings = TestSettings.fresh("lab-killed");
        Process child = startChild(settings);
        String[] started = firstLine(child);
        child.destroyForcibly(); // kill -9: no shutdown hook runs
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Path killed = Path.of(started[0]);
        ConnectionInfo killedServer = ConnectionInfo.lesson("localhost", Integer.parseInt(started[1])).withDatabase("postgres");
        assertThat(ServerAdmin.answers(killedServer)).as("the killed lab left its server running").isTrue();

        try (LabServer next = LabServer.start(settings, "next", "crm_lab_scale")) {
            assertThat(killed).as("the killed lab's folder").doesNotExist();
            assertThat(ServerAdmin.answers(killedServer)).as("the killed lab's server").isFalse();
            assertThat(LabServer.folders(settings)).containsExactly(next.folder());
        }
        assertThat(LabServer.folders(settings)).isEmpty();
    }

    private static Process startChild(DatabaseSettings settings) throws Exception {
        return new ProcessBuilder(CommandJvm.command(List.of(), LabServerChild.class.getName(),
                settings.home().root().toString(), settings.binariesDir().toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String[] firstLine(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the child lab started its server").isNotNull();
        return line.split(" ");
    }

    private static void run(LabServer server, String sql) throws SQLException {
        try (Connection c = ServerAdmin.connect(server.connection(), 10)) {
            c.createStatement().execute(sql);
        }
    }

    private static String query(LabServer server, String sql) throws SQLException {
        try (Connection c = ServerAdmin.connect(server.connection(), 10); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Polls until the query shows {@code expected}: replay is asynchronous, so the test waits for the condition. */
    private static boolean awaitValue(LabServer server, String sql, String expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = ServerAdmin.connect(server.connection(), 10)) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                    rs.next();
                    if (expected.equals(rs.getString(1))) {
                        return true;
                    }
                }
                Thread.onSpinWait();
            }
        }
        return false;
    }
}
