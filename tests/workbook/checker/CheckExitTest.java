package workbook.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.Slow;
import workbook.TestDatabase;
import workbook.cli.CommandJvm;
import workbook.db.ConnectionInfo;

/**
 * `check` exits once its verdict is out, leaving the drop of its scratch copy and the copy of the next
 * spare to the server, and a check killed at any point leaves nothing the next run does not clear: the
 * copy a run is using is held by a lock the server lets go of when the run's process is gone. A stopped
 * `check --watch` hands the drops it had put off to the server too.
 */
@Slow
class CheckExitTest {
    private static final Duration SERVER_TIME = Duration.ofSeconds(60);

    @Test
    void theServerFinishesTheDropAfterCheckHasExited(@TempDir Path home) throws Exception {
        CheckerFixture fixture = new CheckerFixture("crm_exit");
        course(home, CheckerFixture.solutions());
        CommandJvm.Run run = CommandJvm.await(check(home, fixture.crmDb));
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("✓ 1. Add four columns to users  10/10");
        // the process is gone; what it handed over still happens
        awaitDatabases(fixture.crmDb, "wb\\_scratch\\_%", List.of());
        awaitDatabases(fixture.crmDb, "wb\\_ref\\_lesson3\\_%\\_0\\_spare", List.of("spare"));
    }

    @Test
    void aCheckKilledMidTaskLeavesNoCopyBehindTheNextRun(@TempDir Path home) throws Exception {
        CheckerFixture fixture = new CheckerFixture("crm_killed");
        course(home, CheckerFixture.solutions());
        Path task2 = home.resolve("exercises/lesson3/02-insert-bob.sql");
        String solved = Files.readString(task2);
        Files.writeString(task2, "SELECT pg_sleep(25);\n" + solved);
        Process killed = check(home, fixture.crmDb);
        awaitSleeping(fixture.crmDb);
        killed.destroyForcibly();
        assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(databases(fixture.crmDb, "wb\\_scratch\\_%")).as("the killed run's copy").hasSize(1);

        Files.writeString(task2, solved);
        CommandJvm.Run next = CommandJvm.await(check(home, fixture.crmDb));
        assertThat(next.exit()).as(next.out() + next.err()).isZero();
        awaitDatabases(fixture.crmDb, "wb\\_scratch\\_%", List.of());
    }

    @Test
    void aWatchKeepsTwoSparesAndLeavesNoCopyBehindWhenStopped(@TempDir Path home) throws Exception {
        CheckerFixture fixture = new CheckerFixture("crm_watch_spares");
        course(home, CheckerFixture.solutions());
        Process watch = check(home, fixture.crmDb, "--watch");
        StringBuffer said = collect(watch);
        awaitSaid(said, "Watching", 1);
        Path task1 = home.resolve("exercises/lesson3/01-add-columns.sql");
        // saves in a row, each as soon as the verdict before it is out, as a learner fixing one line after another
        for (int save = 1; save <= 3; save++) {
            Files.writeString(task1, Files.readString(task1));
            awaitSaid(said, "Progress:", save + 1);
        }
        assertThat(said.toString()).contains("✓ 1. Add four columns to users  10/10");
        awaitDatabases(fixture.crmDb, "wb\\_ref\\_lesson3\\_%\\_0\\_spare%", List.of("spare", "spare_2"));
        watch.destroy(); // as Ctrl-C stops it
        assertThat(watch.waitFor(60, TimeUnit.SECONDS)).isTrue();
        awaitDatabases(fixture.crmDb, "wb\\_scratch\\_%", List.of());
    }

    @Test
    void aWatchStoppedWhileItsDropsWaitBehindTheSparesHandsThemToTheServer(@TempDir Path home) throws Exception {
        CheckerFixture fixture = new CheckerFixture("crm_watch_stop");
        course(home, CheckerFixture.solutions());
        fixture.server.prepareReferenceStates(CheckerFixture.LESSON3, message -> { });
        String state = databases(fixture.crmDb, "wb\\_ref\\_lesson3\\_%\\_0").get(0);
        try (Connection c = TestDatabase.connect(fixture.crmDb); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + state + "_spare_2");
            // the second spare's lock held here: the watch's copies wait behind it, so the first copy's drop is still queued when it stops
            s.execute("SELECT pg_advisory_lock(19, hashtext('" + state + "_spare_2'))");
            Process watch = check(home, fixture.crmDb, "--watch");
            StringBuffer said = collect(watch);
            awaitSaid(said, "Watching", 1);
            awaitSparesWaiting(fixture.crmDb);
            watch.destroy(); // as Ctrl-C stops it
            assertThat(watch.waitFor(60, TimeUnit.SECONDS)).isTrue();
            awaitDatabases(fixture.crmDb, "wb\\_scratch\\_%", List.of());
        }
    }

    /** Waits until a session waits for an advisory lock: the watch's copies, behind the test's. */
    private static void awaitSparesWaiting(ConnectionInfo crmDb) throws Exception {
        long deadline = System.nanoTime() + SERVER_TIME.toNanos();
        while (count(crmDb, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") == 0) {
            assertThat(System.nanoTime()).as("the watch never waited for the second spare's lock").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** What {@code process} says on stdout and stderr, as it says it. */
    private static StringBuffer collect(Process process) {
        StringBuffer said = new StringBuffer();
        for (var stream : List.of(process.getInputStream(), process.getErrorStream())) {
            Thread reader = new Thread(() -> {
                try (var text = new java.io.InputStreamReader(stream, java.nio.charset.StandardCharsets.UTF_8)) {
                    char[] buffer = new char[4096];
                    for (int n; (n = text.read(buffer)) >= 0; ) {
                        said.append(buffer, 0, n);
                    }
                } catch (java.io.IOException ended) {
                    // the process is gone
                }
            });
            reader.setDaemon(true);
            reader.start();
        }
        return said;
    }

    /** Waits until {@code text} was said {@code times} times. */
    private static void awaitSaid(StringBuffer said, String text, int times) throws InterruptedException {
        long deadline = System.nanoTime() + SERVER_TIME.toNanos();
        while (said.toString().split(java.util.regex.Pattern.quote(text), -1).length - 1 < times) {
            assertThat(System.nanoTime()).as("waiting for «" + text + "» ×" + times + " in:\n" + said).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** A checkout of the test's own whose exercise files are {@code files}. */
    static void course(Path home, Path files) throws Exception {
        try (CourseCopy copy = new CourseCopy(home); var sql = Files.list(files)) {
            for (Path file : sql.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Files.copy(file, home.resolve("exercises/lesson3").resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static Process check(Path home, ConnectionInfo crmDb, String... more) throws Exception {
        String url = crmDb.jdbcUrl() + "?user=" + crmDb.user() + "&password=" + crmDb.password();
        List<String> args = new ArrayList<>(List.of("lesson3", "--url", url));
        args.addAll(List.of(more));
        return CommandJvm.start("Check", Map.of("WORKBOOK_HOME", home.toString()), args.toArray(String[]::new));
    }

    private static void awaitSleeping(ConnectionInfo crmDb) throws Exception {
        awaitRunning(crmDb, "pg_sleep(25)");
    }

    /** Waits until a statement holding {@code text} runs on the server. */
    static void awaitRunning(ConnectionInfo crmDb, String text) throws Exception {
        long deadline = System.nanoTime() + SERVER_TIME.toNanos();
        while (count(crmDb, "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND strpos(query, '" + text + "') > 0 AND pid <> pg_backend_pid()") == 0) {
            assertThat(System.nanoTime()).as("the check's file never reached pg_sleep").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Waits until as many databases match {@code pattern} as {@code expected} has entries. */
    static void awaitDatabases(ConnectionInfo crmDb, String pattern, List<String> expected) throws Exception {
        long deadline = System.nanoTime() + SERVER_TIME.toNanos();
        List<String> now = databases(crmDb, pattern);
        while (now.size() != expected.size() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            now = databases(crmDb, pattern);
        }
        assertThat(now).as("databases like " + pattern).hasSameSizeAs(expected);
    }

    static List<String> databases(ConnectionInfo crmDb, String pattern) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = TestDatabase.connect(crmDb); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + pattern + "'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static int count(ConnectionInfo crmDb, String sql) throws SQLException {
        try (Connection c = TestDatabase.connect(crmDb); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
