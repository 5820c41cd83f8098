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
 * copy a run is using is held by a lock the server lets go of when the run's process is gone.
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

    /** A checkout of the test's own whose exercise files are {@code files}. */
    static void course(Path home, Path files) throws Exception {
        try (CourseCopy copy = new CourseCopy(home); var sql = Files.list(files)) {
            for (Path file : sql.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Files.copy(file, home.resolve("exercises/lesson3").resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static Process check(Path home, ConnectionInfo crmDb) throws Exception {
        String url = crmDb.jdbcUrl() + "?user=" + crmDb.user() + "&password=" + crmDb.password();
        return CommandJvm.start("Check", Map.of("WORKBOOK_HOME", home.toString()), "lesson3", "--url", url);
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
