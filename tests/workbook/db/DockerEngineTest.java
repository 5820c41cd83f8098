package workbook.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import workbook.ExitCode;
import workbook.Slow;
import workbook.UserError;

/** Finding a Docker engine never hangs, and an engine that goes away gives one clear line. */
@Slow
class DockerEngineTest {

    @Test
    void anEngineThatAcceptsButNeverAnswersIsGivenUpOnInTime() throws Exception {
        Path socket = Files.createTempDirectory("silent-docker").resolve("docker.sock");
        try (ServerSocketChannel silent = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            silent.bind(UnixDomainSocketAddress.of(socket));
            long started = System.nanoTime();
            String problem = DockerEngine.ping(URI.create("unix://" + socket), Duration.ofMillis(500));
            assertThat(problem).isEqualTo("no answer within 500 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void aMissingSocketIsNoEngine() {
        assertThat(DockerEngine.ping(URI.create("unix:///nonexistent/docker.sock"), Duration.ofMillis(500)))
                .isEqualTo("no socket at /nonexistent/docker.sock");
    }

    @Test
    void anEngineThatStoppedAfterItWasChosenIsOneClearLine() throws Exception {
        // chosen while it answered; by the time the container is looked for, the socket is gone
        Path socket = Files.createTempDirectory("stopped-docker").resolve("docker.sock");
        DockerEngine gone = new DockerEngine(URI.create("unix://" + socket));
        DockerServer server = new DockerServer(TestSettings.fresh("docker-gone"), gone);
        long started = System.nanoTime();
        assertThatThrownBy(server::up)
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ENVIRONMENT))
                .hasMessageStartingWith("Docker stopped answering at unix://" + socket)
                .hasMessageEndingWith("start Docker again and rerun the command, or use `--db embedded`.");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }
}
