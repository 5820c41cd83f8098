package workbook.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.TestDatabase;

/**
 * `check` run again and again in one JVM, as a long-lived helper runs it: each run reads tasks.toml and the
 * files anew, and leaves no session, thread or scratch copy behind once the server has finished its drops.
 */
class CheckRunsInOneProcessTest {
    private static final Duration SERVER_TIME = Duration.ofSeconds(60);
    private static final List<String> THREADS = List.of("sandbox watch", "sandbox login", "copies ahead", "drop wb_scratch", "spare of");

    @Test
    void runAfterRunSeesEditsAndLeavesNothingBehind(@TempDir Path home) throws Exception {
        CheckerFixture fixture = new CheckerFixture("crm_one_process");
        String url = fixture.crmDb.jdbcUrl() + "?user=" + fixture.crmDb.user() + "&password=" + fixture.crmDb.password();
        try (CourseCopy course = new CourseCopy(home)) {
            Path tasks = home.resolve("exercises/lesson3/tasks.toml");
            for (int run = 1; run <= 4; run++) {
                if (run == 3) {
                    Files.writeString(tasks, Files.readString(tasks).replace("title = \"Add four columns to users\"", "title = \"Four new columns\""));
                    Files.copy(CheckerFixture.solutions().resolve("01-add-columns.sql"), home.resolve("exercises/lesson3/01-add-columns.sql"),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                String text = CheckerFixture.check("lesson3", "--url", url);
                if (run < 3) {
                    assertThat(text).as("run " + run).contains("· 1. Add four columns to users  not attempted yet");
                } else {
                    assertThat(text).as("run " + run + ", after the edits").contains("✓ 1. Four new columns  10/10");
                }
            }
        }
        awaitNone("sessions of the checker's admin", () -> count(fixture, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"));
        awaitNone("scratch copies", () -> count(fixture, "SELECT count(*) FROM pg_database WHERE datname LIKE 'wb\\_scratch\\_%'"));
        awaitNone("the checker's threads", () -> (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && THREADS.stream().anyMatch(t.getName()::startsWith)).count());
    }

    private interface Count {
        int now() throws SQLException;
    }

    /** Waits until {@code count} is zero: the server finishes the drops a run handed it after the run. */
    private static void awaitNone(String what, Count count) throws Exception {
        long deadline = System.nanoTime() + SERVER_TIME.toNanos();
        int now = count.now();
        while (now != 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            now = count.now();
        }
        assertThat(now).as(what + " left").isZero();
    }

    private static int count(CheckerFixture fixture, String sql) throws SQLException {
        try (Connection c = TestDatabase.connect(fixture.crmDb); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
