package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.Slow;
import workbook.TestDatabase;
import workbook.checker.sandbox.SandboxLimits;
import workbook.db.ConnectionInfo;
import workbook.db.DatabaseOptions;
import workbook.db.DatabaseSettings;
import workbook.db.FreePorts;
import workbook.db.ServerAdmin;
import workbook.db.TestSettings;

/** The grader's default path end to end: no provider chosen, so a throwaway cluster grades the class and is gone after. */
@Slow
class ThrowawayGradingTest {
    @TempDir
    Path work;

    @Test
    void withNoProviderChosenAThrowawayClusterGradesTheClassAndIsGoneAfter() throws Exception {
        DatabaseSettings settings = DatabaseSettings.forTests(TestSettings.checkout("throwaway-grading"), FreePorts.anyFree(),
                "crm-postgres-test-unused", Path.of("target", "pg-binaries").toAbsolutePath());
        Path submissions = Files.createDirectories(work.resolve("submissions"));
        Map<String, String> solved = ClassGradingTest.solutions();
        ClassGradingTest.write(submissions.resolve("alice"), solved);
        // 1.8 GB in one server process: the throwaway server refuses it to that session alone
        Map<String, String> bea = new LinkedHashMap<>(solved);
        bea.put("02-insert-bob.sql", solved.get("02-insert-bob.sql")
                + "\nSELECT pg_column_size(array_agg(repeat('x', 1000))) FROM generate_series(1, 900000);\n");
        ClassGradingTest.write(submissions.resolve("bea"), bea);
        Map<String, String> carol = new LinkedHashMap<>(solved);
        carol.put("03-update-alice.sql", "UPDATE users SET first_name = 'Alicia', updated_at = NOW();\n");
        ClassGradingTest.write(submissions.resolve("carol"), carol);
        Files.createDirectories(submissions.resolve("dave"));
        Path out = work.resolve("grades");

        Path folder;
        ConnectionInfo used;
        ClassGrader.GradedClass outcome;
        try (GradingServerChoice server = GradingServerChoice.open(DatabaseOptions.of(null, null), settings)) {
            assertThat(server.running().description()).startsWith("a throwaway embedded PostgreSQL 14 in ");
            used = server.running().connection();
            folder = Path.of(server.running().description().replaceFirst("^a throwaway embedded PostgreSQL 14 in (\\S+) .*$", "$1"));
            folder = folder.isAbsolute() ? folder : settings.home().root().resolve(folder);
            assertThat(folder).isDirectory();
            GradingProgress quiet = new GradingProgress(new PrintStream(OutputStream.nullOutputStream()), false, 0);
            outcome = GradingRun.grade(ClassGradingTest.HOME, ClassGradingTest.LESSON3, used, SubmissionsFolder.scan(submissions), out,
                    new GradingRun.Settings(2, SandboxLimits.forOverall(Duration.ofSeconds(30)), false), quiet);
        }
        assertThat(outcome.graded()).isEqualTo(4);
        Map<String, List<String>> rows = ClassGradingTest.csv(out.resolve("grades.csv"));
        assertThat(rows.get("alice")).containsExactly("alice", "10", "4", "4", "3", "2", "23", "21", "2", "2");
        assertThat(rows.get("bea")).containsExactly("bea", "10", "4", "4", "3", "2", "23", "21", "2", "2");
        assertThat(String.join("\n", new ResultStore(out).read("bea").orElseThrow().task("02-insert-bob").sqlErrors()))
                .contains("ERROR: out of memory");
        assertThat(rows.get("carol")).containsExactly("carol", "10", "4", "2", "3", "2", "21", "21", "2", "2");
        assertThat(rows.get("dave")).containsExactly("dave", "0", "0", "0", "0", "0", "0", "21", "0", "2");
        assertThat(folder).as("the throwaway cluster's folder").doesNotExist();
        assertThat(ServerAdmin.answers(used.withDatabase("postgres"))).as("the throwaway server is stopped").isFalse();
        assertThat(settings.stateDir().resolve("postgres-data")).as("the learner's embedded server was neither made nor started").doesNotExist();
    }

    @Test
    void aServerGivenByUrlIsGradedOnAsItIsAndKeepsRunning() {
        ConnectionInfo given = TestDatabase.freshDatabase("grading_url");
        String url = given.jdbcUrl() + "?user=" + given.user() + "&password=" + given.password();
        DatabaseSettings settings = DatabaseSettings.forTests(TestSettings.checkout("url-grading"), FreePorts.anyFree(),
                "crm-postgres-test-unused", Path.of("target", "pg-binaries").toAbsolutePath());
        try (GradingServerChoice server = GradingServerChoice.open(DatabaseOptions.of(null, url), settings)) {
            assertThat(server.running().provider()).isEqualTo("url");
            assertThat(server.running().connection().port()).isEqualTo(given.port());
            assertThat(server.running().description()).doesNotContain("throwaway");
        }
        assertThat(ServerAdmin.answers(given)).as("closing leaves the instructor's server alone").isTrue();
    }
}
