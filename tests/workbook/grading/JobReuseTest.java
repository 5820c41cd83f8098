package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.Slow;
import workbook.TestDatabase;
import workbook.checker.sandbox.SandboxLimits;
import workbook.db.ConnectionInfo;

/**
 * One job grades its submissions one after another on the same database, role and session: whatever a
 * submission does to its role or its session must not reach the next one. Each tamperer is followed by a
 * student whose slow statement proves the time limit still holds, and who must log in again.
 */
@Slow
class JobReuseTest {
    @TempDir
    static Path work;
    static Path out;
    static ConnectionInfo admin;

    @BeforeAll
    static void gradeOneAfterAnother() throws Exception {
        admin = TestDatabase.freshDatabase("grading_reuse");
        Path submissions = Files.createDirectories(work.resolve("submissions"));
        out = work.resolve("grades");
        Map<String, String> solved = ClassGradingTest.solutions();
        Map<String, String> slow = new LinkedHashMap<>(solved);
        slow.put("02-insert-bob.sql", solved.get("02-insert-bob.sql") + "\nSELECT pg_sleep(3);\n");

        // what a role may change about itself, then the end of its own session (a role may end its own),
        // so the next student needs a new login, which must meet the role as created
        Map<String, String> roleTamperer = new LinkedHashMap<>(solved);
        roleTamperer.put("01-add-columns.sql", solved.get("01-add-columns.sql") + String.join("\n",
                "", "ALTER ROLE CURRENT_USER SET statement_timeout = 0;",
                "ALTER ROLE CURRENT_USER PASSWORD 'chosen-by-the-student';",
                "GRANT CURRENT_USER TO " + admin.user() + ";", ""));
        roleTamperer.put("05-email-index.sql", solved.get("05-email-index.sql") + "\nSELECT pg_terminate_backend(pg_backend_pid());\n");
        ClassGradingTest.write(submissions.resolve("a-role-tamperer"), roleTamperer);
        ClassGradingTest.write(submissions.resolve("b-slow"), slow);

        // what a session may keep: settings, a temporary table shadowing users, SET ROLE, a lock, a prepared statement
        Map<String, String> sessionTamperer = new LinkedHashMap<>(solved);
        sessionTamperer.put("05-email-index.sql", solved.get("05-email-index.sql") + String.join("\n",
                "", "SET statement_timeout = 0;", "SET search_path = pg_temp, public;",
                "CREATE TEMP TABLE users (email text);",
                "SELECT pg_advisory_lock(42);", "PREPARE sneaky AS SELECT 1;", ""));
        ClassGradingTest.write(submissions.resolve("c-session-tamperer"), sessionTamperer);
        ClassGradingTest.write(submissions.resolve("d-slow"), slow);

        SandboxLimits limits = ClassGradingTest.oneSecondStatements(Duration.ofSeconds(10));
        GradingProgress quiet = new GradingProgress(new PrintStream(OutputStream.nullOutputStream()), false, 0);
        GradingRun.grade(ClassGradingTest.HOME, ClassGradingTest.LESSON3, admin, SubmissionsFolder.scan(submissions), out,
                new GradingRun.Settings(1, limits, true), quiet);
    }

    @Test
    void aStudentAfterARoleTampererLogsInAndIsStillTimeLimited() throws IOException {
        GradeRecord next = record("b-slow");
        assertThat(next.status()).isEqualTo(GradeRecord.Status.GRADED);
        assertThat(next.score()).isEqualTo(23);
        assertThat(String.join("\n", next.task("02-insert-bob").sqlErrors())).contains("canceling statement due to statement timeout");
        GradeRecord tamperer = record("a-role-tamperer");
        assertThat(tamperer.score()).as("the tamperer's own tasks still count (%s %s)", tamperer.status(), tamperer.problem()).isEqualTo(23);
    }

    @Test
    void aStudentAfterASessionTampererMeetsAFreshSession() throws IOException {
        GradeRecord next = record("d-slow");
        assertThat(next.status()).isEqualTo(GradeRecord.Status.GRADED);
        assertThat(next.score()).as("its checks saw its own users table, not a leftover temporary one").isEqualTo(23);
        assertThat(String.join("\n", next.task("02-insert-bob").sqlErrors())).contains("canceling statement due to statement timeout");
    }

    @Test
    void theRunLeavesNoRoleOrDatabaseBehind() throws Exception {
        try (Connection c = TestDatabase.connect(admin); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM pg_roles WHERE rolname LIKE 'wbgrade\\_%')"
                     + " + (SELECT count(*) FROM pg_database WHERE datname LIKE 'wbgrade\\_%')"
                     + " + (SELECT count(*) FROM pg_auth_members WHERE member = '" + admin.user() + "'::regrole)")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    private static GradeRecord record(String student) {
        return new ResultStore(out).read(student).orElseThrow();
    }
}
