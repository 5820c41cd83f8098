package workbook.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import workbook.FileTrees;
import workbook.Slow;
import workbook.cli.CommandJvm;

/**
 * The grader's throwaway PostgreSQL against real processes: made in RAM with durability off, gone after
 * close, and the leftovers of a run killed hard swept by the next run while nothing else is touched.
 */
@Slow
class ThrowawayClusterTest {
    private static final Path SHM = Path.of("/dev/shm");
    private Path privateRam;

    @AfterEach
    void removePrivateRam() throws IOException {
        if (privateRam != null) {
            FileTrees.deleteTree(privateRam);
        }
    }

    @Test
    void startsInRamWithDurabilityOffAndLeavesNothingBehindWhenClosed() throws SQLException {
        DatabaseSettings settings = TestSettings.fresh("throwaway");
        ThrowawayCluster cluster = ThrowawayCluster.start(settings);
        Path folder = cluster.folder();
        ConnectionInfo info = cluster.connection();
        try (cluster) {
            if (ThrowawayFolders.place(SHM, Path.of("unused")).inRam()) {
                assertThat(folder.getParent()).isEqualTo(SHM);
                assertThat(cluster.description()).startsWith("a throwaway embedded PostgreSQL 14 in /dev/shm/crm-workbook-grading-")
                        .endsWith(", fsync off; crm_db's server untouched");
            }
            assertThat(folder.getFileName().toString()).matches("crm-workbook-grading-[0-9a-f]{16}");
            assertThat(info.database()).isEqualTo("crm_db");
            try (Connection c = ServerAdmin.connect(info, 5)) {
                assertThat(show(c, "fsync")).isEqualTo("off");
                assertThat(show(c, "full_page_writes")).isEqualTo("off");
                assertThat(show(c, "synchronous_commit")).isEqualTo("off");
                assertThat(show(c, "listen_addresses")).isEqualTo("localhost");
                assertThat(show(c, "unix_socket_directories")).isEmpty();
                assertThat(show(c, "server_version")).startsWith("14.");
            }
            assertThat(cluster.running().provider()).isEqualTo("embedded");
        }
        assertThat(folder).doesNotExist();
        assertThat(ServerAdmin.answers(info.withDatabase("postgres"))).as("the server is stopped").isFalse();
        assertThat(settings.stateDir().resolve("postgres-data")).as("the learner's server was never made").doesNotExist();
    }

    @Test
    void theSecondClusterIsACopyOfTheFirstsInitdbAndWorksAlike() throws Exception {
        DatabaseSettings settings = TestSettings.fresh("initdb-copy");
        try (ThrowawayCluster first = ThrowawayCluster.start(settings)) {
            assertThat(first.connection()).isNotNull();
        }
        Path root = ThrowawayCluster.diskRoot(settings);
        List<Path> kept;
        try (var list = Files.list(root)) {
            kept = list.filter(p -> p.getFileName().toString().startsWith("initdb-")).toList();
        }
        assertThat(kept).as("initdb's result kept once, complete").hasSize(1);
        assertThat(kept.get(0).resolve("PG_VERSION")).hasContent("14");
        Files.writeString(kept.get(0).resolve("copied-marker"), "from the kept copy");
        try (ThrowawayCluster second = ThrowawayCluster.start(settings);
             Connection c = ServerAdmin.connect(second.connection(), 5)) {
            assertThat(second.folder().resolve("data/copied-marker")).as("made by copying, not by initdb").exists();
            assertThat(show(c, "fsync")).isEqualTo("off");
            assertThat(show(c, "server_version")).startsWith("14.");
        }
    }

    /** macOS and Windows have no /dev/shm: grading runs from .workbook/grading/ on the disk, and works alike. */
    @Test
    void withoutDevShmTheClusterRunsFromTheCheckoutAndLeavesNothingBehind() throws SQLException {
        DatabaseSettings settings = TestSettings.fresh("no-shm");
        Path noShm = settings.home().root().resolve("no-such-ram-disk");
        ThrowawayCluster cluster = ThrowawayCluster.start(settings, noShm);
        Path folder = cluster.folder();
        try (cluster; Connection c = ServerAdmin.connect(cluster.connection(), 5)) {
            assertThat(folder.getParent()).isEqualTo(ThrowawayCluster.diskRoot(settings));
            assertThat(cluster.description()).startsWith("a throwaway embedded PostgreSQL 14 in .workbook/grading/crm-workbook-grading-")
                    .contains(" (no RAM disk with 512 MB free) ");
            assertThat(show(c, "fsync")).isEqualTo("off");
            assertThat(show(c, "server_version")).startsWith("14.");
        }
        assertThat(folder).doesNotExist();
        assertThat(noShm).as("nothing made where /dev/shm would be").doesNotExist();
    }

    @Test
    void goesToTheDiskWhenThereIsNoRamDisk() throws IOException {
        Path notTmpfs = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "not-tmpfs-");
        try {
            assertThat(ThrowawayFolders.place(notTmpfs, Path.of("disk"))).isEqualTo(new ThrowawayFolders.Place(Path.of("disk"), false));
            assertThat(ThrowawayFolders.place(notTmpfs.resolve("missing"), Path.of("disk")).inRam()).isFalse();
        } finally {
            Files.delete(notTmpfs);
        }
        assumeTrue(Files.isDirectory(SHM), "no /dev/shm on this system");
        assertThat(ThrowawayFolders.place(SHM, Path.of("disk")).inRam()).isTrue();
    }

    @Test
    void theNextRunStopsAndRemovesTheClusterOfARunKilledHardAndNothingElse() throws Exception {
        DatabaseSettings settings = TestSettings.fresh("killed");
        privateRam = Files.createTempDirectory(Files.isDirectory(SHM) ? SHM : Path.of("target").toAbsolutePath(), "wb-throwaway-test-");
        Process child = new ProcessBuilder(CommandJvm.command(List.of(), ThrowawayClusterChild.class.getName(),
                settings.home().root().toString(), settings.binariesDir().toString(), privateRam.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            line = out.readLine();
            child.destroyForcibly(); // kill -9: no shutdown hook runs
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(line).as("the killed run started its cluster").isNotNull();
        Path killed = Path.of(line.split(" ")[0]);
        ConnectionInfo killedInfo = ConnectionInfo.lesson("localhost", Integer.parseInt(line.split(" ")[1]));
        assertThat(PostmasterPid.read(killed.resolve("data")).map(PostmasterPid::alive)).as("the killed run left its server running").contains(true);
        assertThat(ServerAdmin.answers(killedInfo)).isTrue();

        // what must survive the sweep: a folder of the same pattern without an owner mark, another name with a dead
        // owner, the learner's own data folder
        Path unmarked = Files.createDirectories(privateRam.resolve("crm-workbook-grading-0123456789abcdef"));
        Files.writeString(unmarked.resolve("keep.txt"), "not ours");
        Path otherName = Files.createDirectories(privateRam.resolve("crm-workbook-grading-notes"));
        Files.writeString(otherName.resolve(ThrowawayFolders.OWNER_FILE), "pid=" + deadPid() + "\n");
        Path learnersData = Files.createDirectories(settings.stateDir().resolve("postgres-data"));
        Files.writeString(learnersData.resolve("PG_VERSION"), "14\n");

        try (ThrowawayCluster next = ThrowawayCluster.start(settings, privateRam)) {
            assertThat(killed).as("the killed run's folder").doesNotExist();
            assertThat(ServerAdmin.answers(killedInfo.withDatabase("postgres"))).as("the killed run's server").isFalse();
            assertThat(unmarked.resolve("keep.txt")).exists();
            assertThat(otherName.resolve(ThrowawayFolders.OWNER_FILE)).exists();
            assertThat(learnersData.resolve("PG_VERSION")).exists();

            PostgresPrograms programs = new PostgresPrograms(EmbeddedBinaries.install(settings.binariesDir(), () -> { }),
                    settings.logsDir().resolve("pg_ctl.log"));
            assertThat(ThrowawayFolders.sweep(List.of(privateRam, ThrowawayCluster.diskRoot(settings)), programs))
                    .as("a cluster whose run is alive is not a leftover").isEmpty();
            assertThat(ServerAdmin.answers(next.connection())).isTrue();
        }
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The id of a process that has ended. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
