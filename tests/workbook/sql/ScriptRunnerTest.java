package workbook.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import workbook.TestDatabase;
import workbook.sql.ScriptRunner.StopRule;
import workbook.sql.StatementOutcome.Done;
import workbook.sql.StatementOutcome.Rows;

class ScriptRunnerTest {
    private Connection connection;

    @BeforeEach
    void connect() throws Exception {
        connection = TestDatabase.connect(TestDatabase.freshDatabase("script"));
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    @Test
    void metaCommandsAreSkippedAndEverythingElseRunsInOrder() {
        List<StatementRun> seen = new ArrayList<>();
        List<StatementRun> runs = ScriptRunner.run(connection, StatementSplitter.split("""
                \\c crm_db
                CREATE TABLE t (a int);
                \\d t
                INSERT INTO t VALUES (1), (2);
                SELECT count(*) FROM t
                """), StopRule.NEVER, seen::add);
        assertThat(runs).isEqualTo(seen);
        assertThat(runs).extracting(StatementRun::skipped).containsExactly(true, false, true, false, false);
        assertThat(runs.get(3).outcome()).isEqualTo(new Done("INSERT 0 2", 2));
        assertThat(((Rows) runs.get(4).outcome()).rows().get(0)).containsExactly("2");
    }

    @Test
    void continuingAfterAnErrorIsPsqlsDefault() {
        List<StatementRun> runs = ScriptRunner.run(connection, "CREATE TABLE t (a int); INSERT INTO t VALUES ('x'); INSERT INTO t VALUES (2);", StopRule.NEVER);
        assertThat(runs).extracting(StatementRun::failed).containsExactly(false, true, false);
    }

    @Test
    void stoppingAtTheFirstErrorLeavesTheRestUnrun() {
        List<StatementRun> runs = ScriptRunner.run(connection, "CREATE TABLE t (a int);\nINSERT INTO t\n  VALUES ('x');\nINSERT INTO t VALUES (2);", StopRule.FIRST_FAILURE);
        assertThat(runs).hasSize(2);
        assertThat(runs.get(1).location("02-insert-bob.sql")).isEqualTo("02-insert-bob.sql:3:11");
    }

    @Test
    void aTransactionAbortedByAnErrorIsVisibleAfterTheScript() throws Exception {
        ScriptRunner.run(connection, "CREATE TABLE t (a int); BEGIN; INSERT INTO t VALUES (1); SELECT 1/0; INSERT INTO t VALUES (2);", StopRule.NEVER);
        assertThat(TransactionStatus.of(connection)).isEqualTo(TransactionStatus.FAILED);
        TransactionStatus.rollBackIfOpen(connection);
        assertThat(((Rows) StatementExecutor.execute(connection, "SELECT count(*) FROM t")).rows().get(0)).containsExactly("0");
    }
}
