package workbook.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import workbook.TestDatabase;
import workbook.sql.StatementExecutor;
import workbook.sql.StatementOutcome;

class OutcomeRendererTest {
    private final OutcomeRenderer renderer = OutcomeRenderer.plain(100);
    private Connection connection;

    @BeforeEach
    void connect() throws Exception {
        connection = TestDatabase.connect(TestDatabase.freshDatabase("render"));
        StatementExecutor.execute(connection, "CREATE TABLE users (id int, email text CONSTRAINT users_email_key UNIQUE, first_name text)");
        StatementExecutor.execute(connection, "INSERT INTO users VALUES (1, 'alice@example.com', 'Alice')");
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    private String run(String sql) {
        return renderer.render(StatementExecutor.run(connection, sql), sql);
    }

    @Test
    void commandsPrintTheirTag() {
        assertThat(run("UPDATE users SET first_name = 'Alicia' WHERE id = 1")).isEqualTo("UPDATE 1");
    }

    @Test
    void errorsPointAtThePositionWithACaret() {
        assertThat(run("SELECT id,\n       frist_name\nFROM users")).isEqualTo("""
                ERROR:  column "frist_name" does not exist
                LINE 2:        frist_name
                               ^
                HINT:  Perhaps you meant to reference the column "users.first_name".
                SQLSTATE: 42703 (undefined_column)""");
    }

    @Test
    void constraintViolationsShowTheirDetail() {
        assertThat(run("INSERT INTO users VALUES (2, 'alice@example.com', 'Al')")).isEqualTo("""
                ERROR:  duplicate key value violates unique constraint "users_email_key"
                DETAIL:  Key (email)=(alice@example.com) already exists.
                SQLSTATE: 23505 (unique_violation)""");
    }

    @Test
    void noticesComeBeforeTheOutcome() {
        assertThat(run("CREATE TABLE IF NOT EXISTS users (id int)")).isEqualTo("""
                NOTICE:  relation "users" already exists, skipping
                CREATE TABLE""");
    }

    @Test
    void errorsInsideABlockShowTheirContext() {
        assertThat(run("DO $$ BEGIN PERFORM 1/0; END $$")).startsWith("""
                ERROR:  division by zero
                CONTEXT:  SQL statement "SELECT 1/0"
                """);
    }

    @Test
    void aCaretOnAVeryLongLineIsKeptInView() {
        String sql = "SELECT " + "1 + ".repeat(60) + "nope";
        String shown = OutcomeRenderer.plain(60).render(StatementExecutor.run(connection, sql), sql);
        String[] lines = shown.split("\n");
        assertThat(lines[1]).startsWith("LINE 1: …").endsWith("nope");
        assertThat(DisplayText.width(lines[1])).isLessThanOrEqualTo(60);
        assertThat(lines[2].indexOf('^')).isEqualTo(lines[1].indexOf("nope"));
    }

    @Test
    void anErrorWithoutTheStatementHasNoCaretLine() {
        StatementOutcome outcome = StatementExecutor.execute(connection, "SELECT nope");
        assertThat(renderer.render(outcome)).isEqualTo("""
                ERROR:  column "nope" does not exist
                SQLSTATE: 42703 (undefined_column)""");
    }
}
