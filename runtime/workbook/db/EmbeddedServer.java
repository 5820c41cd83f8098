package workbook.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import workbook.FileTrees;
import workbook.UserError;
import workbook.terminal.Progress;

/**
 * PostgreSQL 14 from Maven (zonky's binaries) with its data in the checkout's .workbook/, run with
 * initdb and pg_ctl so the server outlives the command that started it, until `db down`.
 */
public final class EmbeddedServer implements ServerProvider {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final DatabaseSettings settings;
    private final ServerMemory memory;
    private final Path dataDir;

    public EmbeddedServer(DatabaseSettings settings) {
        this.settings = settings;
        this.memory = new ServerMemory(settings.stateDir());
        this.dataDir = settings.stateDir().resolve("postgres-data");
    }

    @Override
    public String provider() {
        return "embedded";
    }

    @Override
    public String name() {
        return "the embedded PostgreSQL 14 in " + shown(dataDir);
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public RunningServer up() {
        Optional<Integer> live = PostmasterPid.read(dataDir).filter(PostmasterPid::alive).map(PostmasterPid::port);
        if (live.isPresent()) {
            ConnectionInfo info = ConnectionInfo.lesson("localhost", live.get());
            if (ServerAdmin.answers(info)) {
                memory.rememberIfChanged(provider(), live.get(), null);
                return new RunningServer(info, provider(), "attached to the embedded PostgreSQL 14 already running on port " + live.get());
            }
        }
        try (Progress progress = Progress.start("Starting the embedded PostgreSQL 14");
             StartLock lock = StartLock.acquire(settings.stateDir())) {
            // another command (a second terminal) may have started it while this one waited for the lock
            live = PostmasterPid.read(dataDir).filter(PostmasterPid::alive).map(PostmasterPid::port);
            RunningServer running = live.isPresent() ? finishAttaching(live.get()) : start(progress);
            progress.done("ready");
            return running;
        }
    }

    /** The server's process lives but crm_db did not answer: it may still be starting, or crm_db was dropped. */
    private RunningServer finishAttaching(int port) {
        ConnectionInfo info = ConnectionInfo.lesson("localhost", port);
        waitForServer(info);
        boolean created = ServerAdmin.ensureDatabase(info);
        memory.rememberIfChanged(provider(), port, null);
        return new RunningServer(info, provider(), "attached to the embedded PostgreSQL 14 on port " + port
                + (created ? " and created crm_db" : ""));
    }

    private RunningServer start(Progress progress) {
        EmbeddedBinaries binaries = EmbeddedBinaries.install(settings.binariesDir(), () -> progress.update("Unpacking PostgreSQL 14 (once)"));
        PostgresPrograms programs = new PostgresPrograms(binaries, settings.logsDir().resolve("pg_ctl.log"));
        boolean fresh = !Files.isRegularFile(dataDir.resolve("PG_VERSION"));
        if (fresh && !isEmptyOrAbsent(dataDir)) {
            // never initdb over files we did not make: they may be the learner's data in a state we do not understand
            throw UserError.environment(shown(dataDir) + " holds files but is not a PostgreSQL data folder (no PG_VERSION):"
                    + " move it away to keep it, or run `./jbang db down --purge` to start afresh.", null);
        }
        if (fresh) {
            progress.update("Creating the database cluster in " + shown(dataDir));
            new EmbeddedCluster(programs, settings.stateDir()).initialise(dataDir);
        }
        PostmasterPid.removeIfStale(dataDir);
        FreePorts.Pick pick = FreePorts.pick(preferredPort());
        progress.update("Starting PostgreSQL 14 on port " + pick.port());
        Path serverLog = settings.logsDir().resolve("postgres.log");
        int exit = programs.run(List.of("pg_ctl", "-D", dataDir.toString(), "-l", serverLog.toString(),
                "-o", "-p " + pick.port(), "-w", "-t", Long.toString(START_TIMEOUT.toSeconds()), "start"), START_TIMEOUT.toSeconds() + 10);
        if (exit != 0) {
            throw UserError.environment("The embedded PostgreSQL did not start: " + LogTail.lastProblem(serverLog, programs.log())
                    + " (logs: " + serverLog + ")", null);
        }
        ConnectionInfo info = ConnectionInfo.lesson("localhost", pick.port());
        waitForServer(info);
        boolean created = ServerAdmin.ensureDatabase(info);
        memory.remember(provider(), pick.port(), null);
        String what = (fresh ? "created and started" : "started") + " the embedded PostgreSQL 14 in " + shown(dataDir)
                + " on port " + pick.port() + (pick.moved() ? " (" + pick.note() + ")" : "")
                + (created && !fresh ? "; crm_db was missing, so it was created empty" : "");
        return new RunningServer(info, provider(), what);
    }

    private void waitForServer(ConnectionInfo info) {
        SQLException failure = ServerAdmin.waitUntilAnswers(info.withDatabase("postgres"), START_TIMEOUT,
                () -> PostmasterPid.read(dataDir).map(PostmasterPid::alive).orElse(false));
        if (failure != null) {
            throw UserError.environment("The embedded PostgreSQL on port " + info.port() + " does not answer: " + failure.getMessage()
                    + " (logs: " + settings.logsDir().resolve("postgres.log") + ")", failure);
        }
    }

    private int preferredPort() {
        return memory.recall().filter(r -> r.provider().equals(provider()) && r.port() > 0)
                .map(ServerMemory.Remembered::port).orElse(settings.preferredPort());
    }

    @Override
    public Optional<ConnectionInfo> running() {
        return PostmasterPid.read(dataDir).filter(PostmasterPid::alive)
                .map(pid -> ConnectionInfo.lesson("localhost", pid.port()))
                .filter(ServerAdmin::answers);
    }

    @Override
    public ConnectionInfo expected() {
        int port = PostmasterPid.read(dataDir).filter(PostmasterPid::alive).map(PostmasterPid::port).orElseGet(this::preferredPort);
        return ConnectionInfo.lesson("localhost", port);
    }

    @Override
    public String stop() {
        return stop("fast").map(port -> "Stopped the embedded PostgreSQL (port " + port + "); your data stays in " + shown(dataDir) + ".")
                .orElse("The embedded PostgreSQL was not running; nothing to stop.");
    }

    @Override
    public String crash() {
        // immediate: the postmaster quits its children at once and writes no shutdown checkpoint, as a power
        // cut would leave it; the next start finds the cluster "not properly shut down" and replays the WAL
        return stop("immediate").map(port -> "Stopped the embedded PostgreSQL (port " + port + ") at once, with no shutdown checkpoint,"
                        + " as a power cut would; your data stays in " + shown(dataDir) + ".")
                .orElse("The embedded PostgreSQL was not running; nothing to stop.");
    }

    /** Stops the server in pg_ctl's {@code mode}; the port it ran on, or empty when it was not running. */
    private Optional<Integer> stop(String mode) {
        Optional<PostmasterPid> pid = PostmasterPid.read(dataDir);
        if (pid.isEmpty() || !pid.get().alive()) {
            PostmasterPid.removeIfStale(dataDir);
            return Optional.empty();
        }
        EmbeddedBinaries binaries = EmbeddedBinaries.install(settings.binariesDir(), () -> { });
        PostgresPrograms programs = new PostgresPrograms(binaries, settings.logsDir().resolve("pg_ctl.log"));
        int exit = programs.run(List.of("pg_ctl", "-D", dataDir.toString(), "-m", mode, "-w", "-t", "30", "stop"), 40);
        if (exit != 0 && pid.get().alive()) {
            throw UserError.environment("Could not stop the embedded PostgreSQL (pid " + pid.get().pid() + "); see " + programs.log(), null);
        }
        return Optional.of(pid.get().port());
    }

    @Override
    public List<String> startLog() {
        return LogTail.latestStart(settings.logsDir().resolve("postgres.log"));
    }

    @Override
    public String purge() {
        boolean wasRunning = PostmasterPid.read(dataDir).map(PostmasterPid::alive).orElse(false);
        stop();
        try {
            FileTrees.deleteTree(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        memory.recall().filter(r -> r.provider().equals(provider())).ifPresent(r -> memory.forget());
        return (wasRunning ? "Stopped the embedded PostgreSQL and removed" : "Removed") + " its data folder " + shown(dataDir)
                + "; `db up` creates a fresh one.";
    }

    private static boolean isEmptyOrAbsent(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        try (var entries = Files.list(dir)) {
            boolean empty = entries.findAny().isEmpty();
            if (empty) {
                Files.delete(dir);
            }
            return empty;
        } catch (IOException e) {
            return false;
        }
    }

    /** A path as the learner sees it: relative to the checkout when inside it. */
    private String shown(Path path) {
        Path root = settings.home().root();
        return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
    }
}
