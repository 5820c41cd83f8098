//DEPS org.testcontainers:testcontainers-postgresql:2.0.5
package workbook.db;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.EnvironmentAndSystemPropertyClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;

/**
 * A Docker engine that answered a ping. Finding one is quick by design: the workbook pings the usual
 * sockets itself, with a deadline, before any Testcontainers code runs (its own discovery can wait for
 * minutes when no engine is there). The client then comes from Testcontainers' transport, without Ryuk.
 */
public record DockerEngine(URI host) {
    public static final Duration PROBE_TIMEOUT = Duration.ofMillis(2000);

    /** What the probe found: an engine, or in words where it looked and why nothing answered. */
    public record Probe(Optional<DockerEngine> engine, String tried) {
    }

    /** Pings DOCKER_HOST if set, else the usual socket paths; all within the timeout. */
    public static Probe find(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> failures = new ArrayList<>();
        for (URI candidate : candidates()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                failures.add(candidate + ": no time left");
                break;
            }
            String problem = ping(candidate, Duration.ofNanos(left));
            if (problem == null) {
                return new Probe(Optional.of(new DockerEngine(candidate)), candidate.toString());
            }
            failures.add(candidate + ": " + problem);
        }
        return new Probe(Optional.empty(), failures.isEmpty() ? "no Docker socket found" : String.join("; ", failures));
    }

    /** True when this engine still answers (checked before each Docker step, so a stopped engine gives one clear line). */
    public boolean answers() {
        return ping(host, PROBE_TIMEOUT) == null;
    }

    static List<URI> candidates() {
        Set<URI> found = new LinkedHashSet<>();
        String dockerHost = System.getenv("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            // the user named their engine: look nowhere else
            return List.of(URI.create(dockerHost.strip()));
        }
        String home = System.getProperty("user.home");
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        List<Path> sockets = new ArrayList<>(List.of(
                Path.of("/var/run/docker.sock"),
                Path.of(home, ".docker", "run", "docker.sock"),
                Path.of(home, ".docker", "desktop", "docker.sock"),
                Path.of(home, ".colima", "default", "docker.sock"),
                Path.of(home, ".rd", "docker.sock"),
                Path.of(home, ".orbstack", "run", "docker.sock")));
        if (runtimeDir != null) {
            sockets.add(Path.of(runtimeDir, "docker.sock"));
        }
        for (Path socket : sockets) {
            if (Files.exists(socket)) {
                found.add(URI.create("unix://" + socket.toAbsolutePath()));
            }
        }
        return List.copyOf(found);
    }

    /** null when the engine said OK to GET /_ping, else what went wrong in a few words. */
    static String ping(URI host, Duration timeout) {
        CompletableFuture<String> attempt = CompletableFuture.supplyAsync(() -> pingNow(host, timeout));
        try {
            return attempt.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            attempt.cancel(true);
            return "no answer within " + timeout.toMillis() + " ms";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (ExecutionException e) {
            return String.valueOf(e.getCause().getMessage());
        }
    }

    private static String pingNow(URI host, Duration timeout) {
        String request = "GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n";
        try {
            switch (host.getScheme()) {
                case "unix" -> {
                    Path socket = Path.of(host.getPath());
                    if (!Files.exists(socket)) {
                        return "no socket at " + socket;
                    }
                    try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                        channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
                        ByteBuffer answer = ByteBuffer.allocate(512);
                        channel.read(answer);
                        return okOrWhy(new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII));
                    }
                }
                case "tcp", "http", "https" -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(host.getHost(), host.getPort() > 0 ? host.getPort() : 2375), (int) timeout.toMillis());
                        if (System.getenv("DOCKER_TLS_VERIFY") != null || host.getPort() == 2376) {
                            return null; // a TLS engine: the port answering is all we can check without its certificates
                        }
                        socket.setSoTimeout((int) timeout.toMillis());
                        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                        byte[] buffer = new byte[512];
                        int n = socket.getInputStream().read(buffer);
                        return okOrWhy(n <= 0 ? "" : new String(buffer, 0, n, StandardCharsets.US_ASCII));
                    }
                }
                default -> {
                    return "unsupported DOCKER_HOST scheme " + host.getScheme();
                }
            }
        } catch (IOException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    private static String okOrWhy(String response) {
        String status = response.lines().findFirst().orElse("");
        return status.contains(" 200") ? null : "answered '" + status + "' instead of OK";
    }

    /** A docker-java client through Testcontainers' transport; unlike DockerClientFactory it starts no Ryuk container. */
    @SuppressWarnings("deprecation") // the environment strategy is the one public reader of DOCKER_HOST's TLS settings
    public DockerClient client() {
        String dockerHost = System.getenv("DOCKER_HOST");
        TransportConfig transport = dockerHost != null && URI.create(dockerHost.strip()).equals(host)
                ? new EnvironmentAndSystemPropertyClientProviderStrategy().getTransportConfig() // honours DOCKER_TLS_VERIFY and DOCKER_CERT_PATH
                : TransportConfig.builder().dockerHost(host).build();
        return DockerClientProviderStrategy.getClientForConfig(transport);
    }

    /** The host name under which the engine's published ports are reached from here. */
    public String publishedHost() {
        String override = System.getenv("TESTCONTAINERS_HOST_OVERRIDE");
        if (override != null && !override.isBlank()) {
            return override.strip();
        }
        return "unix".equals(host.getScheme()) || "npipe".equals(host.getScheme()) ? "localhost" : host.getHost();
    }

    public boolean isLocal() {
        return "localhost".equals(publishedHost()) || "127.0.0.1".equals(publishedHost());
    }
}
