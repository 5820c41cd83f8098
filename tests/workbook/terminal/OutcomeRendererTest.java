package workbook.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import workbook.TestDatabase;
import workbook.sql.StatementExecutor;
import workbook.sql.ScriptRunner;
import workbook.sql.StatementOutcome;
import workbook.sql.StatementRun;

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

    @Test
    void insertReturningShowsTheRowsThenTheTag() {
        assertThat(run("INSERT INTO users VALUES (2, 'bob@example.com', 'Bob') RETURNING id")).isEqualTo("""
                 id
                ----
                  2
                (1 row)

                INSERT 0 1""");
    }

    @Test
    void fileErrorsStartWithFileLineAndColumnAndCountLinesInTheFile() {
        List<StatementRun> runs = ScriptRunner.run(connection, """
                -- Task 3: rename Alice
                UPDATE users
                   SET frist_name = 'Alicia'
                 WHERE id = 1;
                """, ScriptRunner.StopRule.NEVER);
        assertThat(renderer.render(runs.get(0), "03-update-alice.sql")).isEqualTo("""
                03-update-alice.sql:3:8: ERROR:  column "frist_name" of relation "users" does not exist
                LINE 3:    SET frist_name = 'Alicia'
                               ^
                SQLSTATE: 42703 (undefined_column)""");
    }

    @Test
    void skippedMetaCommandsSaySo() {
        List<StatementRun> runs = ScriptRunner.run(connection, "\\d users", ScriptRunner.StopRule.NEVER);
        assertThat(renderer.render(runs.get(0))).startsWith("skipped \\d users: a psql command");
    }

    @Test
    void warningsKeepTheirSeverity() {
        assertThat(run("COMMIT")).isEqualTo("""
                WARNING:  there is no transaction in progress
                COMMIT""");
    }

    @Test
    void colourMarksTheErrorAndTheCaretOnlyWhenAskedFor() {
        String sql = "SELECT nope";
        String coloured = new OutcomeRenderer(true, 100).render(StatementExecutor.run(connection, sql), sql);
        assertThat(coloured).startsWith("\u001b[31mERROR:\u001b[0m  column \"nope\" does not exist")
                .contains("       \u001b[31m^\u001b[0m");
        assertThat(run(sql)).doesNotContain("\u001b");
    }

    @Test
    void escapeCodesInTheLearnersDataCannotReachTheTerminalThroughAnError() {
        String sql = "INSERT INTO users VALUES (4, E'\\u001b[2Jevil', 'y'), (5, E'\\u001b[2Jevil', 'z')";
        String shown = run(sql);
        assertThat(shown).contains("DETAIL:  Key (email)=(\\x1B[2Jevil) already exists.").doesNotContain("\u001b");
    }
}
