package workbook.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandTagTest {

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            insert into users (email) values ('a')                        | 1 | INSERT 0 1
            UPDATE users SET a = 1                                        | 3 | UPDATE 3
            delete from users where id = 1                                | 0 | DELETE 0
            WITH old AS (SELECT 1) UPDATE users SET a = 2                 | 2 | UPDATE 2
            WITH RECURSIVE r(n) AS (SELECT 1) DELETE FROM t               | 4 | DELETE 4
            CREATE TABLE users (id uuid DEFAULT gen_random_uuid())        | 0 | CREATE TABLE
            create temp table t (a int)                                   | 0 | CREATE TABLE
            CREATE UNLOGGED TABLE IF NOT EXISTS t (a int)                 | 0 | CREATE TABLE
            CREATE TABLE t (a int GENERATED ALWAYS AS (1) STORED)         | 0 | CREATE TABLE
            CREATE TABLE t AS SELECT 1                                    | 1 | SELECT 1
            CREATE UNIQUE INDEX CONCURRENTLY i ON users (lower(email))    | 0 | CREATE INDEX
            CREATE OR REPLACE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql | 0 | CREATE FUNCTION
            CREATE CONSTRAINT TRIGGER tr AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f() | 0 | CREATE TRIGGER
            CREATE MATERIALIZED VIEW mv AS SELECT 1                       | 1 | SELECT 1
            CREATE FOREIGN DATA WRAPPER w                                 | 0 | CREATE FOREIGN DATA WRAPPER
            ALTER TABLE users ADD COLUMN phone varchar(20) UNIQUE         | 0 | ALTER TABLE
            ALTER TABLE users ALTER COLUMN phone SET NOT NULL             | 0 | ALTER TABLE
            ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC     | 0 | ALTER DEFAULT PRIVILEGES
            ALTER USER crmuser SET search_path = public                   | 0 | ALTER ROLE
            DROP INDEX IF EXISTS users_email_idx                          | 0 | DROP INDEX
            DROP MATERIALIZED VIEW mv                                     | 0 | DROP MATERIALIZED VIEW
            begin                                                         | 0 | BEGIN
            START TRANSACTION ISOLATION LEVEL SERIALIZABLE                | 0 | START TRANSACTION
            end                                                           | 0 | COMMIT
            abort                                                         | 0 | ROLLBACK
            ROLLBACK TO SAVEPOINT s                                       | 0 | ROLLBACK
            SAVEPOINT s                                                   | 0 | SAVEPOINT
            RELEASE SAVEPOINT s                                           | 0 | RELEASE
            TRUNCATE users                                                | 0 | TRUNCATE TABLE
            SELECT 1 INTO t                                               | 1 | SELECT 1
            GRANT SELECT ON users TO PUBLIC                               | 0 | GRANT
            /* why */ ALTER TABLE t ADD b int                             | 0 | ALTER TABLE
            """)
    void tagsAsPsqlPrintsThem(String sql, long count, String tag) {
        assertThat(CommandTag.of(sql.strip(), count, TransactionStatus.IDLE)).isEqualTo(tag);
    }

    @org.junit.jupiter.api.Test
    void commitOfAFailedTransactionIsARollback() {
        assertThat(CommandTag.of("COMMIT", 0, TransactionStatus.FAILED)).isEqualTo("ROLLBACK");
        assertThat(CommandTag.of("COMMIT", 0, TransactionStatus.OPEN)).isEqualTo("COMMIT");
    }

    @org.junit.jupiter.api.Test
    void returnedRowsGetATagOnlyWhenTheStatementChangedRows() {
        assertThat(CommandTag.forReturnedRows("INSERT INTO t VALUES (1) RETURNING id", 1)).isEqualTo("INSERT 0 1");
        assertThat(CommandTag.forReturnedRows("WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d", 2)).isNull();
        assertThat(CommandTag.forReturnedRows("SELECT 1", 1)).isNull();
    }
}
