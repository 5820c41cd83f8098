package workbook.db;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.Volume;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import workbook.UserError;
import workbook.sql.ExceptionText;
import workbook.terminal.Progress;

/**
 * The lesson's own `docker run --name crm-postgres ... postgres:14`, through Testcontainers' Docker
 * client. The container is created without Testcontainers' session label, so nothing reaps it when the
 * command ends: it keeps the learner's data until `db reset` or `db down --purge`.
 */
public final class DockerServer implements ServerProvider {
    private static final ExposedPort POSTGRES_PORT = ExposedPort.tcp(5432);
    /** Where the official image keeps the cluster; the named volume is mounted there. */
    private static final String DATA_DIR = "/var/lib/postgresql/data";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final DatabaseSettings settings;
    private final DockerEngine engine;
    private final ServerMemory memory;
    private DockerClient client;

    public DockerServer(DatabaseSettings settings, DockerEngine engine) {
        this.settings = settings;
        this.engine = engine;
        this.memory = new ServerMemory(settings.stateDir());
    }

    @Override
    public String provider() {
        return "docker";
    }

    @Override
    public String name() {
        return "the Docker container " + settings.containerName();
    }

    @Override
    public RunningServer up() {
        Optional<InspectContainerResponse> existing = inspect();
        if (existing.isPresent() && isRunning(existing.get())) {
            int port = publishedPort(existing.get());
            ConnectionInfo info = ConnectionInfo.lesson(engine.publishedHost(), port);
            if (ServerAdmin.answers(info)) {
                memory.rememberIfChanged(provider(), port, settings.containerName());
                return new RunningServer(info, provider(), "attached to the running Docker container " + settings.containerName() + " on port " + port);
            }
        }
        try (Progress progress = Progress.start("Starting the Docker container " + settings.containerName())) {
            RunningServer running = existing.isPresent() ? startExisting(existing.get(), progress) : create(progress);
            memory.remember(provider(), running.connection().port(), settings.containerName());
            progress.done("ready");
            return running;
        }
    }

    private RunningServer startExisting(InspectContainerResponse container, Progress progress) {
        int port = publishedPort(container);
        boolean wasRunning = isRunning(container);
        if (!wasRunning) {
            try {
                dockerDo("starting the container", () -> client().startContainerCmd(container.getId()).exec());
            } catch (UserError e) {
                if (e.getMessage().contains("allocated") || e.getMessage().contains("address already in use")) {
                    throw UserError.environment("The Docker container " + settings.containerName() + " publishes port " + port
                            + ", which another program now uses: stop that program and run `./jbang db up` again"
                            + " (or `./jbang db down --purge` to recreate the container, which deletes its data).", e);
                }
                throw e;
            }
            port = publishedPort(inspect().orElse(container));
        }
        ConnectionInfo info = ConnectionInfo.lesson(engine.publishedHost(), port);
        waitUntilReady(info, progress);
        return new RunningServer(info, provider(), (wasRunning ? "attached to" : "started")
                + " the Docker container " + settings.containerName() + " on port " + port);
    }

    private RunningServer create(Progress progress) {
        ensureImage(progress);
        // a container the workbook made before and someone removed since (`docker rm -f`, `docker container prune`)
        boolean wasRemoved = memory.recall().filter(r -> r.provider().equals(provider())).isPresent();
        boolean dataKept = volumeExists();
        int preferred = memory.recall().filter(r -> r.provider().equals(provider()) && r.port() > 0)
                .map(ServerMemory.Remembered::port).orElse(settings.preferredPort());
        FreePorts.Pick pick = engine.isLocal() ? FreePorts.pick(preferred) : new FreePorts.Pick(preferred, null);
        progress.update("Creating the Docker container " + settings.containerName() + " from " + DatabaseSettings.IMAGE + " on port " + pick.port());
        String id;
        try {
            id = createContainer(pick.port());
        } catch (ConflictException e) {
            // a container of that name appeared meanwhile (another command, or a hard-killed earlier run): use it
            return startExisting(inspect().orElseThrow(() -> e), progress);
        }
        dockerDo("starting the container", () -> client().startContainerCmd(id).exec());
        ConnectionInfo info = ConnectionInfo.lesson(engine.publishedHost(), pick.port());
        waitUntilReady(info, progress);
        String gone = !wasRemoved ? ""
                : dataKept ? " (the container made before was removed; its data was kept in the volume " + settings.volumeName() + " and is back)"
                : " (the container made before was removed, with its data: crm_db starts empty)";
        return new RunningServer(info, provider(), "created and started the Docker container " + settings.containerName()
                + " from " + DatabaseSettings.IMAGE + " on port " + pick.port() + (pick.moved() ? " (" + pick.note() + ")" : "") + gone);
    }

    private boolean volumeExists() {
        try {
            docker("looking for the volume", () -> client().inspectVolumeCmd(settings.volumeName()).exec());
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private String createContainer(int port) {
        // only this machine may connect when the engine is local: the superuser's password is in the lesson
        Ports.Binding binding = engine.isLocal() ? Ports.Binding.bindIpAndPort("127.0.0.1", port) : Ports.Binding.bindPort(port);
        return docker("creating the container", () -> client().createContainerCmd(DatabaseSettings.IMAGE)
                .withName(settings.containerName())
                .withEnv("POSTGRES_USER=" + ConnectionInfo.LESSON_USER,
                        "POSTGRES_PASSWORD=" + ConnectionInfo.LESSON_PASSWORD,
                        "POSTGRES_DB=" + ConnectionInfo.LESSON_DATABASE)
                .withExposedPorts(POSTGRES_PORT)
                .withHostConfig(HostConfig.newHostConfig().withPortBindings(new PortBinding(binding, POSTGRES_PORT))
                        .withBinds(new Bind(settings.volumeName(), new Volume(DATA_DIR))))
                .withLabels(Map.of("dev.crmworkbook.role", "lesson-database"))
                .exec().getId());
    }

    private void ensureImage(Progress progress) {
        try {
            docker("looking for the image", () -> client().inspectImageCmd(DatabaseSettings.IMAGE).exec());
            return;
        } catch (NotFoundException e) {
            progress.update("Downloading " + DatabaseSettings.IMAGE + " (once, about 150 MB)");
        }
        try {
            boolean done = client().pullImageCmd("postgres").withTag("14")
                    .exec(new ResultCallback.Adapter<PullResponseItem>())
                    .awaitCompletion(15, TimeUnit.MINUTES);
            if (!done) {
                throw new IllegalStateException("the download took longer than 15 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw UserError.environment("Interrupted while downloading " + DatabaseSettings.IMAGE, e);
        } catch (RuntimeException e) {
            throw UserError.environment("Could not download the image " + DatabaseSettings.IMAGE + " (" + ExceptionText.firstLine(e)
                    + "): connect to the internet, or use `--db embedded`.", e);
        }
    }

    private void waitUntilReady(ConnectionInfo info, Progress progress) {
        progress.update("Waiting for PostgreSQL in " + settings.containerName() + " to accept connections");
        SQLException failure = ServerAdmin.waitUntilAnswers(info, READY_TIMEOUT, () -> inspect().map(this::isRunning).orElse(false));
        if (failure == null) {
            return;
        }
        if ("28P01".equals(failure.getSQLState()) || "3D000".equals(failure.getSQLState())) {
            throw UserError.environment("The Docker container " + settings.containerName() + " runs, but does not take crmuser/crmpassword on crm_db ("
                    + failure.getMessage() + "); it was made by hand with other settings: remove it (`docker rm -f "
                    + settings.containerName() + "`) or use `--db embedded`.", failure);
        }
        throw UserError.environment("PostgreSQL in the Docker container " + settings.containerName() + " did not answer on port " + info.port()
                + " (" + failure.getMessage() + "); see `docker logs " + settings.containerName() + "`.", failure);
    }

    @Override
    public Optional<ConnectionInfo> running() {
        return inspect().filter(this::isRunning)
                .map(c -> ConnectionInfo.lesson(engine.publishedHost(), publishedPort(c)))
                .filter(ServerAdmin::answers);
    }

    @Override
    public ConnectionInfo expected() {
        int port = inspect().map(this::publishedPort).filter(p -> p > 0).orElseGet(() -> memory.recall()
                .filter(r -> r.provider().equals(provider()) && r.port() > 0).map(ServerMemory.Remembered::port).orElse(settings.preferredPort()));
        return ConnectionInfo.lesson(engine.publishedHost(), port);
    }

    @Override
    public String stop() {
        Optional<InspectContainerResponse> container = inspect();
        if (container.isEmpty()) {
            return "There is no Docker container " + settings.containerName() + "; nothing to stop.";
        }
        if (!isRunning(container.get())) {
            return "The Docker container " + settings.containerName() + " was not running; nothing to stop.";
        }
        dockerDo("stopping the container", () -> client().stopContainerCmd(container.get().getId()).withTimeout(20).exec());
        return "Stopped the Docker container " + settings.containerName() + "; your data stays in it (`./jbang db up` starts it again).";
    }

    @Override
    public String purge() {
        Optional<InspectContainerResponse> container = inspect();
        memory.recall().filter(r -> r.provider().equals(provider())).ifPresent(r -> memory.forget());
        if (container.isEmpty()) {
            if (volumeExists()) {
                removeVolume();
                return "Removed the volume " + settings.volumeName() + " with the data of the Docker container " + settings.containerName()
                        + ", which was gone already; `./jbang db up` creates a fresh one.";
            }
            return "There is no Docker container " + settings.containerName() + "; nothing to remove.";
        }
        dockerDo("removing the container", () -> client().removeContainerCmd(container.get().getId()).withForce(true).withRemoveVolumes(true).exec());
        removeVolume();
        return "Removed the Docker container " + settings.containerName() + " and its data (the volume " + settings.volumeName()
                + "); `./jbang db up` creates a fresh one.";
    }

    private void removeVolume() {
        try {
            dockerDo("removing the volume " + settings.volumeName() + " of", () -> client().removeVolumeCmd(settings.volumeName()).exec());
        } catch (NotFoundException e) {
            // a container made before the workbook kept its data in a volume has none: nothing more to remove
        }
    }

    @Override
    public String crash() {
        Optional<InspectContainerResponse> container = inspect();
        if (container.isEmpty() || !isRunning(container.get())) {
            return "The Docker container " + settings.containerName() + " was not running; nothing to stop.";
        }
        // SIGKILL to the postmaster, PID 1 of the container: every process goes at once, no shutdown checkpoint
        dockerDo("killing the container", () -> client().killContainerCmd(container.get().getId()).exec());
        return "Killed the Docker container " + settings.containerName() + " at once, with no shutdown checkpoint, as a power cut would;"
                + " your data stays in the volume " + settings.volumeName() + ".";
    }

    @Override
    public List<String> startLog() {
        Optional<InspectContainerResponse> container = inspect();
        if (container.isEmpty()) {
            return List.of();
        }
        // frames are chunks of the stream, not lines: join them first
        StringBuffer log = new StringBuffer();
        try {
            client().logContainerCmd(container.get().getId()).withStdOut(true).withStdErr(true).withTail(200)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            log.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                        }
                    }).awaitCompletion(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            return List.of();
        }
        return LogTail.latestStart(log.toString().lines().toList());
    }

    private Optional<InspectContainerResponse> inspect() {
        try {
            return Optional.of(docker("looking for the container", () -> client().inspectContainerCmd(settings.containerName()).exec()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private boolean isRunning(InspectContainerResponse container) {
        return Boolean.TRUE.equals(container.getState().getRunning());
    }

    /** The host port of the container's 5432: the live mapping when it runs, else the one it was created with. */
    private int publishedPort(InspectContainerResponse container) {
        Ports live = container.getNetworkSettings() == null ? null : container.getNetworkSettings().getPorts();
        Integer port = portOf(live);
        if (port == null && container.getHostConfig() != null) {
            port = portOf(container.getHostConfig().getPortBindings());
        }
        if (port == null) {
            throw UserError.environment("The Docker container " + settings.containerName() + " does not publish PostgreSQL's port 5432 to this machine;"
                    + " remove it (`docker rm -f " + settings.containerName() + "`) and run `./jbang db up` again.", null);
        }
        return port;
    }

    private static Integer portOf(Ports ports) {
        if (ports == null || ports.getBindings().get(POSTGRES_PORT) == null) {
            return null;
        }
        for (Ports.Binding binding : ports.getBindings().get(POSTGRES_PORT)) {
            String spec = binding == null ? null : binding.getHostPortSpec();
            if (spec != null && spec.matches("\\d+")) {
                return Integer.parseInt(spec);
            }
        }
        return null;
    }

    private DockerClient client() {
        if (client == null) {
            client = docker("connecting", engine::client);
        }
        return client;
    }

    /**
     * Runs one Docker call. Docker's own answers (not found, conflict) pass through; a failure to talk to
     * the engine at all becomes one line saying that Docker stopped, and what to do.
     */
    private <T> T docker(String doing, Supplier<T> call) {
        try {
            return call.get();
        } catch (NotFoundException | ConflictException e) {
            throw e;
        } catch (DockerException e) {
            throw UserError.environment("Docker refused " + doing + " " + settings.containerName() + ": " + ExceptionText.firstLine(e), e);
        } catch (RuntimeException e) {
            if (!engine.answers()) {
                throw UserError.environment("Docker stopped answering at " + engine.host() + " while " + doing + " " + settings.containerName()
                        + ": start Docker again and rerun the command, or use `--db embedded`.", e);
            }
            throw UserError.environment("Docker failed while " + doing + " " + settings.containerName() + ": " + ExceptionText.firstLine(e), e);
        }
    }

    private void dockerDo(String doing, Runnable call) {
        docker(doing, () -> {
            call.run();
            return null;
        });
    }
}
