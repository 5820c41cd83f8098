package workbook.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import workbook.TestDatabase;
import workbook.sql.StatementOutcome.Done;
import workbook.sql.StatementOutcome.Failed;
import workbook.sql.StatementOutcome.Rows;

class StatementExecutorTest {
    private Connection connection;

    @BeforeEach
    void connect() throws Exception {
        connection = TestDatabase.connect(TestDatabase.freshDatabase("executor"));
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    private StatementOutcome run(String sql) {
        return StatementExecutor.execute(connection, sql);
    }

    @Test
    void ddlAndDmlReportPsqlCommandTags() {
        assertThat(run("CREATE TABLE users (id serial PRIMARY KEY, email text UNIQUE, name text)"))
                .isEqualTo(new Done("CREATE TABLE", 0));
        assertThat(run("INSERT INTO users (email, name) VALUES ('a@x', 'Alice'), ('b@x', 'Bob')"))
                .isEqualTo(new Done("INSERT 0 2", 2));
        assertThat(run("UPDATE users SET name = upper(name)")).isEqualTo(new Done("UPDATE 2", 2));
        assertThat(run("DELETE FROM users WHERE name = 'BOB'")).isEqualTo(new Done("DELETE 1", 1));
        assertThat(run("ALTER TABLE users ADD COLUMN phone varchar(20)")).isEqualTo(new Done("ALTER TABLE", 0));
        assertThat(run("CREATE UNIQUE INDEX users_phone ON users (phone)")).isEqualTo(new Done("CREATE INDEX", 0));
        assertThat(run("CREATE OR REPLACE VIEW v AS SELECT * FROM users")).isEqualTo(new Done("CREATE VIEW", 0));
        assertThat(run("CREATE TABLE copy AS SELECT * FROM users")).isEqualTo(new Done("SELECT 1", 1));
        assertThat(run("WITH gone AS (DELETE FROM copy RETURNING 1) INSERT INTO copy SELECT * FROM users"))
                .isEqualTo(new Done("INSERT 0 1", 1));
        assertThat(run("DROP TABLE IF EXISTS copy")).isEqualTo(new Done("DROP TABLE", 0));
        assertThat(run("TRUNCATE users CASCADE")).isEqualTo(new Done("TRUNCATE TABLE", 0));
    }

    @Test
    void selectReturnsRowsAsTextWithNullKept() {
        run("CREATE TABLE t (id int, name text, born date)");
        run("INSERT INTO t VALUES (1, 'Alice', '1990-01-02'), (2, NULL, NULL), (3, 'NULL', NULL)");
        Rows rows = (Rows) run("SELECT id, name, born FROM t ORDER BY id");
        assertThat(rows.columns()).containsExactly("id", "name", "born");
        assertThat(rows.columnTypes()).containsExactly("int4", "text", "date");
        assertThat(rows.rows()).containsExactly(
                Arrays.asList("1", "Alice", "1990-01-02"),
                Arrays.asList("2", null, null),
                Arrays.asList("3", "NULL", null));
        assertThat(rows.totalRows()).isEqualTo(3);
        assertThat(rows.truncated()).isFalse();
    }

    @Test
    void manyRowsAreCountedButOnlyTheFirstThousandKept() {
        Rows rows = (Rows) run("SELECT g FROM generate_series(1, 5000) g");
        assertThat(rows.rows()).hasSize(StatementExecutor.MAX_ROWS);
        assertThat(rows.totalRows()).isEqualTo(5000);
        assertThat(rows.truncated()).isTrue();
    }

    @Test
    void questionMarkOperatorsAndColonNamesReachTheServerAsWritten() {
        Rows rows = (Rows) run("SELECT '{\"k\":1}'::jsonb ? 'k' AS has, '{\"k\":1}'::jsonb ?| array['x','k'] AS any, ':name' AS literal, '{a}'::text[] AS arr");
        assertThat(rows.rows().get(0)).containsExactly("t", "t", ":name", "{a}");
        assertThat(run("SELECT '{fn now()}' AS jdbc_escape_untouched")).isInstanceOfSatisfying(Rows.class,
                r -> assertThat(r.rows().get(0)).containsExactly("{fn now()}"));
    }

    @Test
    void serverErrorsComeBackFieldByField() {
        run("CREATE TABLE users (id int, email text CONSTRAINT users_email_key UNIQUE)");
        run("INSERT INTO users VALUES (1, 'a@x')");
        Failed failed = (Failed) run("INSERT INTO users VALUES (2, 'a@x')");
        assertThat(failed.sqlState()).isEqualTo("23505");
        assertThat(failed.message()).contains("users_email_key");
        assertThat(failed.detail()).isEqualTo("Key (email)=(a@x) already exists.");
        assertThat(failed.constraint()).isEqualTo("users_email_key");
        assertThat(failed.table()).isEqualTo("users");
        assertThat(failed.position()).isZero();

        Failed syntax = (Failed) run("SELECT nme\nFROM users");
        assertThat(syntax.sqlState()).isEqualTo("42703");
        assertThat(syntax.position()).isEqualTo(8);
    }

    @Test
    void metaCommandsAreNeverSent() {
        Failed failed = (Failed) run("\\d users");
        assertThat(failed.message()).startsWith("\\d is a psql command");
    }

    @Test
    void explicitTransactionsWorkOnAnAutocommitConnection() throws Exception {
        run("CREATE TABLE t (a int)");
        assertThat(run("BEGIN")).isEqualTo(new Done("BEGIN", 0));
        run("INSERT INTO t VALUES (1)");
        assertThat(TransactionStatus.of(connection)).isEqualTo(TransactionStatus.OPEN);
        assertThat(run("ROLLBACK")).isEqualTo(new Done("ROLLBACK", 0));
        assertThat(((Rows) run("SELECT count(*) FROM t")).rows().get(0)).containsExactly("0");

        run("START TRANSACTION");
        run("INSERT INTO t VALUES (1)");
        assertThat(run("COMMIT")).isEqualTo(new Done("COMMIT", 0));
        assertThat(TransactionStatus.of(connection)).isEqualTo(TransactionStatus.IDLE);
        assertThat(((Rows) run("SELECT count(*) FROM t")).rows().get(0)).containsExactly("1");
    }

    @Test
    void anErrorInsideATransactionAbortsItUntilRollback() throws Exception {
        run("CREATE TABLE t (a int)");
        run("BEGIN");
        run("INSERT INTO t VALUES (1)");
        assertThat(run("INSERT INTO t VALUES ('x')")).isInstanceOf(Failed.class);
        assertThat(TransactionStatus.of(connection)).isEqualTo(TransactionStatus.FAILED);
        Failed ignored = (Failed) run("INSERT INTO t VALUES (2)");
        assertThat(ignored.inFailedTransaction()).isTrue();
        assertThat(run("COMMIT")).as("COMMIT of a failed transaction rolls back").isEqualTo(new Done("ROLLBACK", 0));
        assertThat(((Rows) run("SELECT count(*) FROM t")).rows().get(0)).containsExactly("0");
    }

    @Test
    void rollBackIfOpenCleansUpWhatTheLearnerLeftOpen() throws Exception {
        run("CREATE TABLE t (a int)");
        run("BEGIN");
        run("INSERT INTO t VALUES (1)");
        assertThat(TransactionStatus.rollBackIfOpen(connection)).isEqualTo(TransactionStatus.OPEN);
        assertThat(TransactionStatus.of(connection)).isEqualTo(TransactionStatus.IDLE);
        assertThat(TransactionStatus.rollBackIfOpen(connection)).isEqualTo(TransactionStatus.IDLE);
        assertThat(((Rows) run("SELECT count(*) FROM t")).rows().get(0)).containsExactly("0");
    }

    @Test
    void noticesAndErrorContextAreKept() {
        run("CREATE TABLE t (a int)");
        Execution again = StatementExecutor.run(connection, "CREATE TABLE IF NOT EXISTS t (a int)");
        assertThat(again.outcome()).isEqualTo(new Done("CREATE TABLE", 0));
        assertThat(again.notices()).containsExactly("relation \"t\" already exists, skipping");

        Execution failed = StatementExecutor.run(connection, "DO $$ BEGIN RAISE NOTICE 'hi'; PERFORM 1/0; END $$");
        assertThat(failed.notices()).containsExactly("hi");
        assertThat(((Failed) failed.outcome()).sqlState()).isEqualTo("22012");
        assertThat(failed.context()).contains("PL/pgSQL function inline_code_block");
    }

    @Test
    void aClosedConnectionIsAFailureNotACrash() throws Exception {
        connection.close();
        Failed failed = (Failed) run("SELECT 1");
        assertThat(failed.sqlState()).isEqualTo("08003");
        assertThat(failed.connectionLost()).isTrue();
    }
}
