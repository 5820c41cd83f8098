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
        // JDBC escapes are the driver's syntax, not PostgreSQL's: the server must see (and refuse) them as written
        assertThat(run("SELECT {fn ucase('a')}")).isInstanceOfSatisfying(Failed.class,
                f -> assertThat(f.sqlState()).isEqualTo("42601"));
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
        assertThat(again.messages()).extracting(ServerNotice::message).containsExactly("relation \"t\" already exists, skipping");

        Execution failed = StatementExecutor.run(connection, "DO $$ BEGIN RAISE NOTICE 'hi'; PERFORM 1/0; END $$");
        assertThat(failed.messages()).extracting(ServerNotice::message).containsExactly("hi");
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

    @Test
    void sqlStandardFunctionBodiesAndDollarBodiesRunWhole() {
        String source = """
                CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                  SELECT i + 1;
                END;
                CREATE FUNCTION shout(t text) RETURNS text AS $$
                BEGIN
                  RETURN upper(t) || ';';
                END;
                $$ LANGUAGE plpgsql;
                SELECT add_one(1), shout('hi');
                """;
        StatementOutcome last = null;
        for (SqlStatement statement : StatementSplitter.splitSql(source)) {
            last = run(statement.text());
            assertThat(last.succeeded()).as(statement.text() + " -> " + last).isTrue();
        }
        assertThat(((Rows) last).rows().get(0)).containsExactly("2", "HI;");
    }

    @Test
    void hugeResultsAreStoppedByTheServerAndSaySo() {
        // in the select list the series streams (ProjectSet); in FROM it would be built whole before the first row
        long started = System.nanoTime();
        Rows rows = (Rows) run("SELECT generate_series(1, 1000000000) AS g");
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds: the server stopped early").isLessThan(10_000);
        assertThat(rows.totalRows()).isEqualTo(StatementExecutor.MAX_COUNTED);
        assertThat(rows.countIsLowerBound()).isTrue();
        assertThat(workbook.terminal.ResultTable.footer(rows)).isEqualTo("(showing 1000 of more than 100000 rows)");
    }

    @Test
    void copyThroughTheClientIsRefusedWithAWayOut() {
        run("CREATE TABLE t (a int)");
        Failed failed = (Failed) run("COPY t FROM STDIN");
        assertThat(failed.sqlState()).isEqualTo("0A000");
        assertThat(failed.message()).contains("\\copy");
        assertThat(run("SELECT 1")).isInstanceOf(Rows.class);
    }

    @Test
    void commandTagsForLessCommonStatements() {
        assertThat(run("CREATE EXTENSION IF NOT EXISTS pgcrypto")).isEqualTo(new Done("CREATE EXTENSION", 0));
        assertThat(run("CREATE TABLE t (a int)")).isEqualTo(new Done("CREATE TABLE", 0));
        assertThat(run("SELECT * INTO t2 FROM t")).isEqualTo(new Done("SELECT 0", 0));
        assertThat(run("COMMENT ON TABLE t IS 'x'")).isEqualTo(new Done("COMMENT", 0));
        assertThat(run("DO $$ BEGIN END $$")).isEqualTo(new Done("DO", 0));
        assertThat(run("SET search_path = public")).isEqualTo(new Done("SET", 0));
        assertThat(run("CREATE USER learner_x")).isEqualTo(new Done("CREATE ROLE", 0));
        assertThat(run("DROP USER learner_x")).isEqualTo(new Done("DROP ROLE", 0));
        assertThat(run("CREATE MATERIALIZED VIEW mv AS SELECT 1")).isEqualTo(new Done("SELECT 1", 1));
        assertThat(run("REFRESH MATERIALIZED VIEW mv")).isEqualTo(new Done("REFRESH MATERIALIZED VIEW", 0));
        assertThat(run("/* why */ -- and how\n  ALTER TABLE t ADD b int")).isEqualTo(new Done("ALTER TABLE", 0));
    }

    @Test
    void cancelStopsTheRunningStatementAndTheConnectionStaysUsable() throws Exception {
        var canceller = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            canceller.schedule(() -> {
                StatementExecutor.cancel(connection);
                return null;
            }, 500, java.util.concurrent.TimeUnit.MILLISECONDS);
            long started = System.nanoTime();
            Failed failed = (Failed) run("SELECT pg_sleep(30)");
            assertThat(failed.sqlState()).isEqualTo("57014");
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(20_000);
        } finally {
            canceller.shutdownNow();
        }
        assertThat(run("SELECT 1")).isInstanceOf(Rows.class);
    }
}
