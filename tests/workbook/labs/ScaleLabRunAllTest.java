package workbook.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import workbook.Slow;
import workbook.TestDatabase;
import workbook.db.ConnectionInfo;
import workbook.db.DatabaseSettings;
import workbook.db.FreePorts;
import workbook.db.LabServer;

/**
 * `./jbang lesson3-scale --run-all` as a learner runs it: every part prints its figures, the service answers
 * 201/409/404 as promised, the replica replicates, the shards hold disjoint users whose union is every sign-up,
 * and afterwards no lab server, port or folder is left (crm_db untouched).
 */
@Slow
class ScaleLabRunAllTest {

    @Test
    void everyPartPrintsItsFiguresAndTheLabLeavesNoServerBehind() throws SQLException {
        ConnectionInfo db = TestDatabase.freshDatabase("lab_scale");
        String before = System.getProperty("WORKBOOK_PG_BINARIES");
        // the binaries the test servers share, unpacked once per build, not the learner's
        System.setProperty("WORKBOOK_PG_BINARIES", Path.of("target", "pg-binaries").toAbsolutePath().toString());
        LabRun run;
        try {
            run = LabRun.of("lesson3-scale", db);
        } finally {
            if (before == null) {
                System.clearProperty("WORKBOOK_PG_BINARIES");
            } else {
                System.setProperty("WORKBOOK_PG_BINARIES", before);
            }
        }

        assertThat(run.step("schema")).contains("crm_app", "| f");
        assertThat(run.step("service")).contains("POST /users           -> 201 {\"id\":", "POST /users (again)   -> 409",
                "GET /users/{id}       -> 200");
        assertThat(run.step("least-privilege")).contains("crm_app: 42501");
        assertThat(run.step("load-unpooled")).containsPattern("new connection each request: 300 requests in [\\d.]+ s = [\\d,]+ requests/s; latency p50")
                .contains("0 failed").containsPattern("logins 300\\b");
        assertThat(run.step("load-pooled")).containsPattern("HikariCP pool of 4: 300 requests .* 0 failed; peak backends [1-4]; logins 0");
        assertThat(run.step("pooling-compare")).doesNotContain("PrintStream@").contains("Requests per second", "p99 pool of 4", "Server processes started", "█");
        assertThat(run.step("replica")).containsPattern("is_replica \\| users[\\s\\S]*\\bt\\s+\\|\\s+101\\b").contains("replica1", "streaming");
        assertThat(run.step("replicates")).as("a row written on the primary is read on the replica").contains("grace@example.com\n");
        assertThat(run.step("replica-read-only")).contains("25006");
        assertThat(run.step("lag")).containsPattern("\\d+ samples: replica behind by at most [\\d,]+ bytes of WAL").contains("Replica lag over time");
        assertThat(run.step("trap")).contains("-> 201", "-> 404 (not found yet)");
        assertThat(run.step("fix-primary")).contains("on the primary   -> 200");
        assertThat(run.step("fix-wait")).contains("on the replica   -> 200");
        assertThat(run.step("misses")).containsPattern("missed on the replica: \\d+ of 100");

        Matcher shards = Pattern.compile("(?m)^(shard-\\d)\\s+[█▏▎▍▌▋▊▉]*\\s+([\\d,]+) users$").matcher(run.step("per-shard"));
        List<Integer> perShard = new ArrayList<>();
        while (shards.find()) {
            perShard.add(Integer.parseInt(shards.group(2).replace(",", "")));
        }
        assertThat(perShard).as(run.step("per-shard")).hasSize(3).allMatch(n -> n > 0);
        int total = perShard.stream().mapToInt(Integer::intValue).sum();
        assertThat(run.step("per-shard")).as("the shards are disjoint and their union is every sign-up")
                .contains("users on all shards: " + total + ", distinct: " + total + ", signed up: " + total);
        assertThat(total).isEqualTo(450);
        assertThat(run.step("by-email")).contains("300 logins by email", "ask every shard", "directory first", "Queries sent");

        assertThat(run.step("stop")).contains("lab servers left under .workbook/labs/: 0");
        assertThat(LabServer.folders(DatabaseSettings.fromEnvironment())).as("no lab folder left").isEmpty();
        Matcher ports = Pattern.compile("port (\\d+)").matcher(run.output());
        int seen = 0;
        while (ports.find()) {
            seen++;
            assertThat(FreePorts.isFree(Integer.parseInt(ports.group(1)))).as("port %s of a lab server is free again", ports.group(1)).isTrue();
        }
        assertThat(seen).as("the lab names its five servers' ports").isEqualTo(5);
        assertThat(LabsRunAllTest.tableCount(db)).as("crm_db untouched").isZero();
    }
}
