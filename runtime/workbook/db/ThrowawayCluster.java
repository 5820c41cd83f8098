package workbook.db;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import workbook.terminal.Progress;

/**
 * A PostgreSQL 14 cluster of the grader's own for one grading run, from the embedded binaries: made by
 * initdb in RAM where it can, started on a free port, stopped and deleted at the run's end, also on an
 * error or Ctrl-C. The learner's server and crm_db are not touched, not even started.
 */
public final class ThrowawayCluster implements AutoCloseable {
    private static final Path RAM_ROOT = Path.of("/dev/shm");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /**
     * The address space each server process may use (its share of shared memory included): one student's
     * statement that builds gigabytes then fails alone with "out of memory", instead of the operating system
     * killing a process of the server that every job shares.
     */
    static final long PROCESS_MEMORY = 1L << 30;
    /*
     * A cluster that lives for one grading run and is deleted after it: durability buys nothing. Waiting
     * for the disk (fsync at every commit and checkpoint, whole pages after each checkpoint) was most of
     * the grader's time, which creates and drops databases all the time. Sized for the most jobs grade
     * allows (32, about four sessions each), with a lock table that holds every job's locks even if each
     * student takes as many as the sandbox lets it (about 2,000 before it is stopped), and the WAL kept
     * small, since students' writes may churn it and it lives in RAM.
     */
    private static final String SETTINGS = """
            # a throwaway cluster for one grading run, deleted at its end: durability buys nothing
            fsync = off
            full_page_writes = off
            synchronous_commit = off
            max_connections = 160
            max_locks_per_transaction = 512
            max_wal_size = 256MB
            """;

    private final Path folder;
    private final boolean inRam;
    private final PostgresPrograms programs;
    private final Path shownFrom;
    private final ThrowawayServer server;
    private ConnectionInfo connection;
    private final InitdbCopy initdb;

    private ThrowawayCluster(Path folder, boolean inRam, PostgresPrograms programs, Path shownFrom, InitdbCopy initdb) {
        this.initdb = initdb;
        this.folder = folder;
        this.inRam = inRam;
        this.programs = programs;
        this.shownFrom = shownFrom;
        // Ctrl-C or an exit anywhere in the run: the server and its folder go too
        this.server = new ThrowawayServer(folder, programs, "stop-throwaway-postgres");
    }

    /** Removes leftovers of killed runs, then makes and starts a new cluster (about a second). */
    public static ThrowawayCluster start(DatabaseSettings settings) {
        return start(settings, RAM_ROOT);
    }

    static ThrowawayCluster start(DatabaseSettings settings, Path ramRoot) {
        String what = "Starting a throwaway PostgreSQL 14 for grading";
        try (Progress progress = Progress.start(what)) {
            boolean[] unpacked = {false};
            EmbeddedBinaries binaries = EmbeddedBinaries.install(settings.binariesDir(), () -> {
                unpacked[0] = true;
                progress.update("Unpacking PostgreSQL 14 (once)");
            });
            if (unpacked[0]) {
                progress.update(what);
            }
            Path diskRoot = diskRoot(settings);
            ThrowawayFolders.sweep(List.of(ramRoot, diskRoot), new PostgresPrograms(binaries, settings.logsDir().resolve("pg_ctl.log")));
            ThrowawayFolders.Place place = ThrowawayFolders.place(ramRoot, diskRoot);
            Path folder = ThrowawayFolders.create(place);
            ThrowawayCluster cluster = new ThrowawayCluster(folder, place.inRam(), new PostgresPrograms(binaries, folder.resolve("pg_ctl.log")),
                    settings.home().root(), new InitdbCopy(diskRoot, binaries, SETTINGS));
            try {
                cluster.initialiseAndStart();
            } catch (RuntimeException e) {
                cluster.close();
                throw e;
            }
            progress.done("ready on port " + cluster.connection.port());
            return cluster;
        }
    }

    /** Where clusters go when RAM will not do, and where the sweep looks besides RAM. */
    static Path diskRoot(DatabaseSettings settings) {
        return settings.stateDir().resolve("grading");
    }

    private void initialiseAndStart() {
        Path data = folder.resolve("data");
        initdb.initialise(data, new EmbeddedCluster(programs, folder), SETTINGS);
        connection = server.start(data, START_TIMEOUT, PROCESS_MEMORY, ConnectionInfo.lesson("localhost", 0),
                "The throwaway PostgreSQL for grading");
        // the grader connects as it would to the learner's server: crmuser on crm_db (here empty)
        ServerAdmin.ensureDatabase(connection);
    }

    /** crm_db (empty) on the throwaway server, as crmuser, a superuser. */
    public ConnectionInfo connection() {
        return connection;
    }

    public Path folder() {
        return folder;
    }

    /** What the grading runs on, in words and as the other providers describe themselves. */
    public RunningServer running() {
        return new RunningServer(connection, "embedded", description());
    }

    public String description() {
        String where = folder.startsWith(shownFrom) ? shownFrom.relativize(folder).toString() : folder.toString();
        return "a throwaway embedded PostgreSQL 14 in " + where + (inRam ? "" : " (no RAM disk with 512 MB free)")
                + " on port " + connection.port() + ", fsync off; crm_db's server untouched";
    }

    /** Stops the server at once (its data is thrown away) and deletes its folder. */
    @Override
    public void close() {
        server.close();
    }
}
