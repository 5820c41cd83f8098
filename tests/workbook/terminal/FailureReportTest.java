package workbook.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import workbook.TestDatabase;
import workbook.sql.Execution;
import workbook.sql.ScriptRunner;
import workbook.sql.StatementExecutor;
import workbook.sql.StatementOutcome.Failed;
import workbook.sql.StatementRun;

class FailureReportTest {
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

    /** What a notebook shows after {@code ERROR:}, one line after another. */
    private String shown(String sql, int width) {
        Execution execution = StatementExecutor.run(connection, sql);
        return String.join("\n", new FailureReport(width).lines((Failed) execution.outcome(), sql, execution.context()));
    }

    private String shown(String sql) {
        return shown(sql, 100);
    }

    @Test
    void errorsPointAtThePositionWithACaret() {
        assertThat(shown("SELECT id,\n       frist_name\nFROM users")).isEqualTo("""
                column "frist_name" does not exist
                LINE 2:        frist_name
                               ^
                HINT:  Perhaps you meant to reference the column "users.first_name".
                SQLSTATE: 42703 (undefined_column)""");
    }

    @Test
    void constraintViolationsShowTheirDetail() {
        assertThat(shown("INSERT INTO users VALUES (2, 'alice@example.com', 'Al')")).isEqualTo("""
                duplicate key value violates unique constraint "users_email_key"
                DETAIL:  Key (email)=(alice@example.com) already exists.
                SQLSTATE: 23505 (unique_violation)""");
    }

    @Test
    void errorsInsideABlockShowTheirContext() {
        assertThat(shown("DO $$ BEGIN PERFORM 1/0; END $$")).startsWith("""
                division by zero
                CONTEXT:  SQL statement "SELECT 1/0"
                """);
    }

    @Test
    void aCaretOnAVeryLongLineIsKeptInView() {
        String sql = "SELECT " + "1 + ".repeat(60) + "nope";
        String[] lines = shown(sql, 60).split("\n");
        assertThat(lines[1]).startsWith("LINE 1: …").endsWith("nope");
        assertThat(DisplayText.width(lines[1])).isLessThanOrEqualTo(60);
        assertThat(lines[2].indexOf('^')).isEqualTo(lines[1].indexOf("nope"));
    }

    @Test
    void anErrorWithoutTheStatementHasNoCaretLine() {
        Failed failed = (Failed) StatementExecutor.execute(connection, "SELECT nope");
        assertThat(String.join("\n", new FailureReport(100).lines(failed, null, null))).isEqualTo("""
                column "nope" does not exist
                SQLSTATE: 42703 (undefined_column)""");
    }

    @Test
    void fileErrorsStartWithFileLineAndColumnAndCountLinesInTheFile() {
        List<StatementRun> runs = ScriptRunner.run(connection, """
                -- Task 3: rename Alice
                UPDATE users
                   SET frist_name = 'Alicia'
                 WHERE id = 1;
                """, ScriptRunner.StopRule.NEVER);
        assertThat(FailureReport.compact(runs.get(0), "03-update-alice.sql", "Check the column's name.")).isEqualTo("""
                03-update-alice.sql:3:8: ERROR: column "frist_name" of relation "users" does not exist (42703 undefined_column)
                  Check the column's name.""");
    }

    @Test
    void escapeCodesInTheLearnersDataCannotReachTheTerminalThroughAnError() {
        String sql = "INSERT INTO users VALUES (4, E'\\u001b[2Jevil', 'y'), (5, E'\\u001b[2Jevil', 'z')";
        assertThat(shown(sql)).contains("DETAIL:  Key (email)=(\\x1B[2Jevil) already exists.").doesNotContain("\u001b");
    }
}
