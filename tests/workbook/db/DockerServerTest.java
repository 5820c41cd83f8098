package workbook.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import workbook.Slow;

/**
 * The Docker provider against a real engine, with containers named crm-postgres-test-* so a learner's
 * crm-postgres is never touched; skipped, with the reason, where no engine answers.
 */
@Slow
@RequiresDocker
class DockerServerTest {
    private static DockerEngine engine;
    private static DatabaseSettings settings;
    private static DockerServer server;
    private static RunningServer first;
    private static final List<String> CREATED = new ArrayList<>();

    @BeforeAll
    static void startShared() {
        engine = DockerEngine.find(DockerEngine.PROBE_TIMEOUT).engine().orElseThrow();
        settings = TestSettings.fresh("docker");
        CREATED.add(settings.containerName());
        server = new DockerServer(settings, engine);
        first = server.up();
    }

    @AfterAll
    static void removeTestContainers() {
        if (engine == null) {
            return;
        }
        DockerClient client = engine.client();
        for (String name : CREATED) {
            try {
                client.removeContainerCmd(name).withForce(true).withRemoveVolumes(true).exec();
            } catch (NotFoundException gone) {
                // purged by the test itself
            }
            try {
                client.removeVolumeCmd(name + "-pgdata").exec();
            } catch (NotFoundException gone) {
                // purged with its container, or never made
            }
        }
    }

    @Test
    void firstUpCreatesTheContainerWithTheLessonsSettings() throws SQLException {
        assertThat(first.provider()).isEqualTo("docker");
        assertThat(first.description()).startsWith("created and started the Docker container " + settings.containerName() + " from postgres:14");
        assertThat(first.connection().port()).isEqualTo(settings.preferredPort());
        var container = engine.client().inspectContainerCmd(settings.containerName()).exec();
        assertThat(container.getConfig().getEnv()).contains("POSTGRES_USER=crmuser", "POSTGRES_PASSWORD=crmpassword", "POSTGRES_DB=crm_db");
        assertThat(container.getConfig().getLabels()).as("no Testcontainers session label, so no reaper removes it")
                .doesNotContainKey("org.testcontainers.sessionId");
        try (var c = ServerAdmin.connect(first.connection(), 5); var rs = c.createStatement().executeQuery("SHOW server_version")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("14.");
        }
    }

    @Test
    void secondUpAttachesToTheRunningContainer() {
        ConnectionInfo running = server.up().connection();
        RunningServer again = new DockerServer(settings, engine).up();
        assertThat(again.description()).isEqualTo("attached to the running Docker container " + settings.containerName() + " on port " + running.port());
        assertThat(again.connection()).isEqualTo(running);
    }

    @Test
    void dataSurvivesStopAndStartUntilReset() throws SQLException {
        ConnectionInfo db = server.up().connection();
        Rows.write(db, "alice@example.com");
        assertThat(server.stop()).startsWith("Stopped the Docker container");
        assertThat(server.running()).isEmpty();
        RunningServer again = server.up();
        assertThat(again.description()).startsWith("started the Docker container");
        assertThat(Rows.read(again.connection())).contains("alice@example.com");

        ServerAdmin.recreateDatabase(again.connection());
        assertThat(ServerAdmin.lessonState(again.connection())).isEqualTo(new ServerAdmin.LessonState(false, 0));
    }

    @Test
    void aStoppedContainerLeftByAKilledRunIsStartedNotRecreated() throws SQLException {
        DatabaseSettings own = TestSettings.fresh("docker-left");
        CREATED.add(own.containerName());
        // what a hard-killed JVM leaves: the container made, never started
        ExposedPort pg = ExposedPort.tcp(5432);
        engine.client().createContainerCmd(DatabaseSettings.IMAGE).withName(own.containerName())
                .withEnv("POSTGRES_USER=crmuser", "POSTGRES_PASSWORD=crmpassword", "POSTGRES_DB=crm_db")
                .withExposedPorts(pg)
                .withHostConfig(HostConfig.newHostConfig().withPortBindings(new PortBinding(Ports.Binding.bindIpAndPort("127.0.0.1", own.preferredPort()), pg)))
                .exec();
        RunningServer db = new DockerServer(own, engine).up();
        assertThat(db.description()).startsWith("started the Docker container " + own.containerName());
        assertThat(ServerAdmin.answers(db.connection())).isTrue();
        assertThat(new DockerServer(own, engine).purge()).startsWith("Removed the Docker container");
        assertThat(new DockerServer(own, engine).running()).isEmpty();
    }

    @Test
    void aTakenPortGivesTheContainerAFreeOneAndSaysSo() throws Exception {
        DatabaseSettings own = TestSettings.fresh("docker-port");
        CREATED.add(own.containerName());
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), own.preferredPort()));
            RunningServer db = new DockerServer(own, engine).up();
            assertThat(db.connection().port()).isNotEqualTo(own.preferredPort());
            assertThat(db.description()).contains("port " + own.preferredPort() + " is taken by another program");
        }
    }

    @Test
    void aRemovedContainerFindsItsDataAgainInTheNamedVolumeAndSaysSo() throws SQLException {
        DatabaseSettings own = TestSettings.fresh("docker-volume");
        CREATED.add(own.containerName());
        RunningServer db = new DockerServer(own, engine).up();
        Rows.write(db.connection(), "kept@example.com");
        // what `docker rm -f` or `docker container prune` does behind the workbook's back
        engine.client().removeContainerCmd(own.containerName()).withForce(true).exec();

        RunningServer again = new DockerServer(own, engine).up();

        assertThat(again.description()).contains("was removed; its data was kept in the volume " + own.volumeName() + " and is back");
        assertThat(Rows.read(again.connection())).contains("kept@example.com");
        assertThat(new DockerServer(own, engine).purge()).contains("the volume " + own.volumeName());
        assertThatThrownBy(() -> engine.client().inspectVolumeCmd(own.volumeName()).exec()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aCrashLeavesTheWalToReplayAndKeepsWhatWasCommitted() throws SQLException {
        ConnectionInfo db = server.up().connection();
        Rows.write(db, "committed@example.com");

        assertThat(server.crash()).contains("no shutdown checkpoint");
        RunningServer again = server.up();

        assertThat(String.join("\n", server.startLog())).contains("not properly shut down", "redo starts at");
        assertThat(Rows.read(again.connection())).contains("committed@example.com");
    }

    @Test
    void aContainerMadeByHandWithAnotherPasswordFailsAtOnceNotAfterTheStartTimeout() {
        DatabaseSettings own = TestSettings.fresh("docker-other-password");
        CREATED.add(own.containerName());
        ExposedPort pg = ExposedPort.tcp(5432);
        String id = engine.client().createContainerCmd(DatabaseSettings.IMAGE).withName(own.containerName())
                .withEnv("POSTGRES_USER=crmuser", "POSTGRES_PASSWORD=not-the-lessons", "POSTGRES_DB=crm_db")
                .withExposedPorts(pg)
                .withHostConfig(HostConfig.newHostConfig().withPortBindings(new PortBinding(Ports.Binding.bindIpAndPort("127.0.0.1", own.preferredPort()), pg)))
                .exec().getId();
        engine.client().startContainerCmd(id).exec();
        long started = System.nanoTime();

        assertThatThrownBy(() -> new DockerServer(own, engine).up()).isInstanceOf(workbook.UserError.class)
                .hasMessageContaining("does not take crmuser/crmpassword");
        // the image's first start (initdb) takes seconds; the 90 s start timeout must not be waited out
        assertThat((System.nanoTime() - started) / 1_000_000_000).isLessThan(60);
    }
}
