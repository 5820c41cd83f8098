package workbook.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import workbook.UserError;

/**
 * An extra PostgreSQL 14 a lab starts beside the learner's (the scale lab's primary, replica and shards),
 * from the embedded binaries: its own folder under .workbook/labs/, its own port, little memory. Stopped
 * and deleted when closed, and on Ctrl-C or any exit of the JVM; a folder whose process was killed hard
 * is swept by the next lab start (the folder names its owner process, postmaster.pid its server and port).
 * The learner's server and crm_db are not touched.
 */
public final class LabServer implements AutoCloseable {
    static final String PREFIX = "crm-workbook-lab-";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /*
     * Several of these run at once on a learner's laptop, for a minute: small shared memory, no fsync (the lab
     * measures connections, replication and routing, not the disk), senders for a replica.
     */
    private static final String SETTINGS = """
            # a lab's server, deleted when the lab ends: small, and durability is not what it shows
            shared_buffers = 16MB
            max_connections = 60
            fsync = off
            max_wal_senders = 4
            wal_level = replica
            """;
    /** What a copy of a running data folder leaves out: the server's own run files and the WAL it streams anyway. */
    private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts", "pg_wal", "pg_replslot");

    private final String name;
    private final Path folder;
    private final PostgresPrograms programs;
    private final ThrowawayServer server;
    private ConnectionInfo connection;

    private LabServer(String name, Path folder, PostgresPrograms programs) {
        this.name = name;
        this.folder = folder;
        this.programs = programs;
        // Ctrl-C, a quit or any exit of the notebook: the server and its folder go too
        this.server = new ThrowawayServer(folder, programs, "stop-lab-postgres");
    }

    /** Where lab servers live: .workbook/labs/. */
    public static Path root(DatabaseSettings settings) {
        return settings.stateDir().resolve("labs");
    }

    /** The lab servers' folders there now (a test's way to see nothing was left). */
    public static List<Path> folders(DatabaseSettings settings) {
        Path root = root(settings);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(PREFIX)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sweeps what killed runs left, then makes and starts a fresh server with the database {@code database} (a second or two). */
    public static LabServer start(DatabaseSettings settings, String name, String database) {
        LabServer server = create(settings, name);
        try {
            new InitdbCopy(root(settings), programsOf(settings, root(settings)).binaries(), SETTINGS)
                    .initialise(server.data(), new EmbeddedCluster(server.programs, server.folder), SETTINGS);
            server.startOnFreePort(ConnectionInfo.lesson("localhost", 0).withDatabase(database));
            ServerAdmin.ensureDatabase(server.connection);
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * A hot standby streaming from {@code primary}, made without pg_basebackup (the embedded binaries lack it):
     * a replication slot keeps the primary's WAL from the start, the data folder is copied between
     * pg_start_backup and pg_stop_backup (the non-exclusive form, whose session stays open meanwhile), the backup
     * label written into the copy, and standby.signal with primary_conninfo make it follow the primary.
     */
    public static LabServer replicaOf(DatabaseSettings settings, LabServer primary, String name) {
        LabServer replica = create(settings, name);
        String slot = name.replaceAll("[^a-z0-9_]", "_");
        try (Connection c = ServerAdmin.connect(primary.connection, 10); Statement st = c.createStatement()) {
            st.execute("SELECT pg_catalog.pg_create_physical_replication_slot('" + slot + "', true)");
            st.execute("SELECT pg_catalog.pg_start_backup('" + slot + "', true, false)");
            copyRunning(primary.data(), replica.data());
            String label;
            try (ResultSet rs = st.executeQuery("SELECT labelfile FROM pg_catalog.pg_stop_backup(false, false)")) {
                rs.next();
                label = rs.getString(1);
            }
            Files.writeString(replica.data().resolve("backup_label"), label);
            Files.writeString(replica.data().resolve("standby.signal"), "");
            ConnectionInfo p = primary.connection;
            Files.writeString(replica.data().resolve("postgresql.auto.conf"), String.format("""
                    primary_conninfo = 'host=%s port=%d user=%s password=%s application_name=%s'
                    primary_slot_name = '%s'
                    """, p.host(), p.port(), p.user(), p.password(), slot, slot), StandardOpenOption.APPEND);
            replica.startOnFreePort(p);
            return replica;
        } catch (SQLException | IOException | RuntimeException e) {
            replica.close();
            throw UserError.environment("The lab could not make a replica of " + primary.name + ": " + e.getMessage(), e);
        }
    }

    private static LabServer create(DatabaseSettings settings, String name) {
        Path root = root(settings);
        PostgresPrograms sweeper = programsOf(settings, root);
        ThrowawayFolders.sweep(List.of(root), sweeper, PREFIX);
        Path folder = ThrowawayFolders.create(new ThrowawayFolders.Place(root, false), PREFIX);
        return new LabServer(name, folder, new PostgresPrograms(sweeper.binaries(), folder.resolve("pg_ctl.log")));
    }

    private static PostgresPrograms programsOf(DatabaseSettings settings, Path root) {
        EmbeddedBinaries binaries = EmbeddedBinaries.install(settings.binariesDir(), () -> { });
        return new PostgresPrograms(binaries, root.resolve("pg_ctl.log"));
    }

    /** Copies a running server's data folder file by file; a file the server removes meanwhile is skipped (the WAL replays it). */
    private static void copyRunning(Path from, Path to) throws IOException {
        Files.createDirectories(to.resolve("pg_wal").resolve("archive_status"));
        Files.createDirectories(to.resolve("pg_replslot"));
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                Path relative = from.relativize(source);
                if (relative.getNameCount() > 0 && NOT_COPIED.contains(relative.getName(0).toString())) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (NoSuchFileException gone) {
                    // dropped by the server while we copied: the backup's WAL recreates whatever is needed
                }
            }
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof NoSuchFileException)) {
                throw e.getCause();
            }
        }
        Files.setPosixFilePermissions(to, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    private void startOnFreePort(ConnectionInfo login) {
        connection = server.start(data(), START_TIMEOUT, 0, login, "The lab's PostgreSQL " + name);
    }

    private Path data() {
        return folder.resolve("data");
    }

    /** The lab's database on this server, as crmuser (a superuser of this server only). */
    public ConnectionInfo connection() {
        return connection;
    }

    public String name() {
        return name;
    }

    public int port() {
        return connection.port();
    }

    public Path folder() {
        return folder;
    }

    /** The server's process id, from its postmaster.pid (0 when it does not run). */
    public long pid() {
        return PostmasterPid.read(data()).filter(PostmasterPid::alive).map(PostmasterPid::pid).orElse(0L);
    }

    /** Stops the server at once (its data is thrown away) and deletes its folder. */
    @Override
    public void close() {
        server.close();
    }
}
