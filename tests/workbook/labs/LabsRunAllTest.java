package workbook.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import workbook.Slow;
import workbook.TestDatabase;
import workbook.db.ConnectionInfo;

/**
 * Each lab notebook run with `--run-all` on a real PostgreSQL 14 (reached by URL, as the embedded
 * provider's server would be), asserting the facts it teaches, and that crm_db gained nothing.
 */
@Slow
class LabsRunAllTest {

    @Test
    void acidLabShowsAllOrNothingConstraintsIsolationAndKeptCommits() throws SQLException {
        ConnectionInfo db = TestDatabase.freshDatabase("lab_acid");
        LabRun run = LabRun.of("lesson3-acid", db);

        assertThat(run.value("after-atomic", "bob_rows")).as("the failed transaction left no row").isEqualTo("0");
        assertThat(run.step("duplicate-email")).contains("23505");
        assertThat(run.step("null-first-name")).contains("23502");
        assertThat(run.step("bad-email")).contains("23514");
        assertThat(run.value("b-adds-erin", "b_sees_erin")).isEqualTo("1");
        assertThat(run.value("a-before-commit", "a_sees_erin")).as("no dirty read").isEqualTo("0");
        assertThat(run.value("a-after-commit", "a_sees_erin")).isEqualTo("1");
        int rcFirst = Integer.parseInt(run.value("rc-first-count", "a_counts_first"));
        assertThat(Integer.parseInt(run.value("rc-second-count", "a_counts_again"))).as("READ COMMITTED sees Frank").isEqualTo(rcFirst + 1);
        int rrFirst = Integer.parseInt(run.value("rr-first-count", "a_counts_first"));
        assertThat(Integer.parseInt(run.value("b-adds-grace", "b_counts"))).isEqualTo(rrFirst + 1);
        assertThat(Integer.parseInt(run.value("rr-second-count", "a_counts_again"))).as("REPEATABLE READ keeps its snapshot").isEqualTo(rrFirst);
        assertThat(Integer.parseInt(run.value("rr-second-count", "a_counts_after_commit"))).isEqualTo(rrFirst + 1);
        assertThat(run.step("power-cut")).contains("is not the workbook's to stop", "Reconnected: 3 sessions");
        assertThat(run.value("after-crash", "email")).as("the committed row is kept, the uncommitted one gone")
                .isEqualTo("heidi@example.com");
        assertThat(run.step("after-crash")).contains("(1 row)\n\n").doesNotContain("ivan@example.com |");
        assertThat(tableCount(db)).as("crm_db untouched").isZero();
    }

    @Test
    void indexesLabShowsThePlanChangeTheSpeedUpAndTheIndexUniqueBuilt() throws SQLException {
        ConnectionInfo db = TestDatabase.freshDatabase("lab_indexes");
        LabRun run = LabRun.of("lesson3-indexes", db);

        assertThat(run.step("fill")).containsPattern("200000 \\|");
        assertThat(run.step("explain-no-index")).contains("Seq Scan on users").doesNotContain("Index Scan");
        assertThat(run.step("create-index")).contains("Index Scan using users_email_idx on users");
        assertThat(Double.parseDouble(run.value("speed-up", "times_faster"))).as("the index made the lookup faster").isGreaterThan(1.0);
        assertThat(run.step("explain-lower")).contains("Seq Scan on users").doesNotContain("users_email_idx");
        assertThat(run.step("create-lower-index")).containsPattern("(Index Scan|Bitmap Index Scan) on users_lower_email_idx|Index Scan using users_lower_email_idx");
        assertThat(run.step("unique-builds-index")).contains("CREATE UNIQUE INDEX users_email_key ON public.users USING btree (email)");
        assertThat(run.step("all-timings")).contains("20,000 inserts, with the redundant index", "20,000 inserts, without it");
        assertThat(tableCount(db)).as("crm_db untouched").isZero();
    }

    @Test
    void idsLabMakesDistinctV4KeysAndMeasuresTheBiggerUuidIndex() throws SQLException {
        ConnectionInfo db = TestDatabase.freshDatabase("lab_ids");
        LabRun run = LabRun.of("lesson3-ids", db);

        assertThat(run.step("uuids-anywhere")).contains("keys made: 200000, distinct: 200000").containsPattern("[0-9a-f-]{36} is version 4");
        assertThat(run.step("identity-counts")).containsPattern("\\n\\s+1 \\| alice@example\\.com\\n\\s+2 \\| bob@example\\.com");
        var sizes = java.util.regex.Pattern.compile("(users_bigint|users_uuid)\\s*\\|.*\\|\\s*(\\d+)\\s*\\|\\s*([\\d.]+)\\s*$", java.util.regex.Pattern.MULTILINE)
                .matcher(run.step("sizes"));
        java.util.Map<String, Long> bytes = new java.util.HashMap<>();
        java.util.Map<String, Double> perRow = new java.util.HashMap<>();
        while (sizes.find()) {
            bytes.put(sizes.group(1), Long.parseLong(sizes.group(2)));
            perRow.put(sizes.group(1), Double.parseDouble(sizes.group(3)));
        }
        assertThat(bytes).as(run.step("sizes")).containsKeys("users_bigint", "users_uuid");
        assertThat(bytes.get("users_uuid")).as("the UUID key index is bigger").isGreaterThan(bytes.get("users_bigint"));
        // the lab says: 28 against 20 bytes an entry would be a ratio of 1.4 at equal fill; random keys fill worse
        assertThat(perRow.get("users_uuid") / perRow.get("users_bigint")).as(run.step("sizes")).isGreaterThan(1.4);
        assertThat(run.step("compare")).contains("uuid_time_ratio");
        assertThat(tableCount(db)).as("crm_db untouched").isZero();
    }

    @Test
    void updatedAtLabShowsTheForgetfulUpdateThenTheTriggerMovingIt() throws SQLException {
        ConnectionInfo db = TestDatabase.freshDatabase("lab_updated_at");
        LabRun run = LabRun.of("lesson3-updated-at", db);

        assertThat(run.step("forgetful-update")).containsPattern("alice@example\\.com \\| t\\s*\\n");
        assertThat(run.step("lowercase-trigger")).contains("bob@example.com").doesNotContain("Bob@Example.COM |");
        assertThat(run.step("exercise")).contains("A trigger that moves updated_at", "not attempted yet");
        assertThat(run.step("update-moves-it")).containsPattern("bob@example\\.com \\| t ");
        assertThat(run.step("no-backdating")).containsPattern("bob@example\\.com \\| t\\s*\\n");
        assertThat(run.value("one-transaction", "distinct_updated_at")).as("now() is the transaction's start").isEqualTo("1");
        assertThat(tableCount(db)).as("crm_db untouched").isZero();
    }

    /** The tables in crm_db's schema public: a lab must leave it as the lesson did. */
    static int tableCount(ConnectionInfo db) throws SQLException {
        try (Connection c = TestDatabase.connect(db);
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
