package workbook.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import workbook.HostileCorpus;
import workbook.HostileCorpus.Attack;
import workbook.Slow;
import workbook.TestDatabase;
import workbook.UserError;
import workbook.checker.run.AssignmentApplier;
import workbook.checker.run.ServerAccess;
import workbook.checker.sandbox.SandboxLimits;
import workbook.db.ConnectionInfo;

/**
 * The hostile corpus as `check --apply` would meet it, had each attack passed the check: run on crm_db itself,
 * where crmuser is a superuser. No payload runs with more rights than the files, and whatever is applied or
 * refused, crm_db is left with no function, view or rule that would run with crmuser's rights.
 */
@Slow
class HostileApplyTest {
    private static ConnectionInfo admin;

    static Stream<Attack> attacks() {
        admin = TestDatabase.freshDatabase("crm_hostile_apply_admin");
        return HostileCorpus.attacks("lesson3", "", admin.database(), admin.user()).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void anAttackAppliedToCrmDbGainsNoRights(Attack attack) throws Exception {
        CheckerFixture fixture = CheckApplyTest.lessonDone("crm_hostile_apply");
        Path folder = Files.createTempDirectory("hostile-apply-");
        HostileCorpus.write(folder, attack.files());
        String before = CheckApplyTest.catalog(fixture.crmDb, true);
        String refused = null;
        try (ServerAccess server = new ServerAccess(fixture.crmDb, SandboxLimits.forOverall(Duration.ofSeconds(6)))) {
            AssignmentApplier applier = new AssignmentApplier(CheckerFixture.LESSON3, server, folder, "exercises/lesson3/");
            assertThat(applier.differencesFromStart(message -> { })).isEmpty();
            applier.apply(CheckerFixture.LESSON3.tasks());
        } catch (UserError e) {
            refused = e.getMessage();
        }
        assertThat(attack.markerLeft()).as("a payload ran with more rights than the file").isFalse();
        if (refused != null) {
            assertThat(refused).endsWith("crm_db is as it was.").doesNotContain("Exception");
            assertThat(CheckApplyTest.catalog(fixture.crmDb, true)).as(refused).isEqualTo(before);
        }
        assertThat(count(fixture.crmDb, "SELECT (SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace)"
                + " + (SELECT count(*) FROM pg_class WHERE relkind IN ('v', 'm') AND relnamespace = 'public'::regnamespace)"
                + " + (SELECT count(*) FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class WHERE c.relnamespace = 'public'::regnamespace)"))
                .as("code left in crm_db (%s)", refused).isZero();
        assertThat(count(fixture.crmDb, "SELECT count(*) FROM pg_roles WHERE rolsuper AND rolname NOT IN ('postgres', 'crmuser')")).isZero();
        assertThat(count(admin, "SELECT count(*) FROM pg_database WHERE datname = '" + admin.database() + "'")).isOne();
    }

    private static int count(ConnectionInfo db, String sql) throws Exception {
        try (Connection c = TestDatabase.connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
