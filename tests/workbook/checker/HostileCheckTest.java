package workbook.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import workbook.HostileCorpus;
import workbook.HostileCorpus.Attack;
import workbook.Slow;
import workbook.TestDatabase;
import workbook.checker.result.CheckReport;
import workbook.checker.result.TaskResult;
import workbook.checker.run.AssignmentChecker;
import workbook.checker.run.ServerAccess;
import workbook.checker.sandbox.SandboxLimits;
import workbook.db.ConnectionInfo;

/**
 * The hostile corpus as `check` meets it, on a learner's server where crmuser is a superuser: no payload
 * runs with more rights than the learner's files, crm_db (here holding the lesson's end state) is never
 * changed, dropped or renamed, every limit is reported as the task's reason, and no scratch database is
 * left behind, also when a file ends its own session.
 */
@Slow
class HostileCheckTest {
    private static ConnectionInfo crmDb;
    private static ServerAccess server;
    private static String crmDbBefore;

    @BeforeAll
    static void aLearnersServer() throws Exception {
        try (Connection c = TestDatabase.connect(crmDb()); Statement s = c.createStatement()) {
            s.execute(Files.readString(CheckerFixture.LESSON3.setupFile()));
        }
        crmDbBefore = crmDbState();
        server = new ServerAccess(crmDb, SandboxLimits.forOverall(Duration.ofSeconds(6)));
    }

    static Stream<Attack> attacks() {
        return Stream.concat(HostileCorpus.attacks("lesson3", "", crmDb().database(), crmDb().user()).stream(),
                HostileCorpus.attacks("lesson3-updated-at", "", crmDb().database(), crmDb().user()).stream());
    }

    private static ConnectionInfo crmDb() {
        if (crmDb == null) {
            crmDb = TestDatabase.freshDatabase("crm_hostile");
        }
        return crmDb;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void anAttackChangesNothingButItsOwnScratchCopy(Attack attack) throws Exception {
        Path folder = Files.createTempDirectory("hostile-check-");
        HostileCorpus.write(folder, attack.files());
        String lesson = attack.files().containsKey("01-updated-at-trigger.sql") ? "lesson3-updated-at" : "lesson3";
        CheckReport report = new AssignmentChecker(workbook.checker.TaskSetReader.forLesson(CheckerFixture.HOME, lesson), server,
                folder, "exercises/" + lesson + "/").scratch(Optional.empty(), message -> { });

        assertThat(attack.markerLeft()).as("a payload ran with more rights than the file").isFalse();
        assertThat(crmDbState()).as("crm_db as it was").isEqualTo(crmDbBefore);
        assertThat(count("SELECT count(*) FROM pg_database WHERE datname LIKE 'wb\\_scratch\\_%'")).as("scratch copies left").isZero();
        assertThat(count("SELECT count(*) FROM pg_roles WHERE rolsuper AND rolname NOT IN ('postgres', 'crmuser')")).isZero();
        String said = report.tasks().stream().flatMap(t -> Stream.concat(t.checks().stream().map(c -> String.valueOf(c.message())), t.sqlErrors().stream()))
                .reduce("", (a, b) -> a + "\n" + b);
        switch (attack.name()) {
            case "r01-notification-flood", "r02-huge-result", "r03-huge-value", "r04-huge-notice" ->
                    assertThat(said).contains("02-insert-bob.sql was stopped: the server sent it more than 4 MB (rows, notices, notifications)");
            case "r05-disk-fill" -> assertThat(said).contains("02-insert-bob.sql was stopped: its database grew by ").contains(", more than the 64 MB a submission may use");
            case "r06-advisory-locks" -> assertThat(said).contains("permission denied for function pg_advisory_lock");
            case "r07-many-tables" -> assertThat(said).contains("more than 1000 tables, indexes, types and functions");
            case "r09-time" -> {
                assertThat(report.stop()).contains("the time limit of 6 s ran out while exercises/lesson3/05-email-index.sql was running");
                assertThat(report.tasks().get(4).status()).isEqualTo(TaskResult.Status.FAILED);
            }
            default -> { }
        }
    }

    /** crm_db's oid, its objects and its rows: what no exercise file may change. */
    private static String crmDbState() throws Exception {
        try (Connection c = TestDatabase.connect(crmDb.withDatabase("postgres")); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT oid FROM pg_database WHERE datname = '" + crmDb.database() + "'")) {
            String oid = rs.next() ? rs.getString(1) : "gone";
            try (Connection d = TestDatabase.connect(crmDb); Statement t = d.createStatement();
                 ResultSet inside = t.executeQuery("SELECT (SELECT count(*) FROM pg_class WHERE oid >= 16384) || ' objects, '"
                         + " || (SELECT string_agg(email || ' ' || created_at, ', ' ORDER BY email) FROM users)")) {
                inside.next();
                return oid + ": " + inside.getString(1);
            }
        }
    }

    private static int count(String sql) throws Exception {
        try (Connection c = TestDatabase.connect(crmDb); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
