package workbook.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import workbook.TestDatabase;
import workbook.sql.StatementOutcome.Failed;

class SourcePositionTest {

    @Test
    void serverPositionsMapToFileLineAndColumn() throws Exception {
        String file = """
                -- 03-update-alice.sql: rename Alice
                SELECT 1;

                UPDATE users
                   SET /* é 😀 */ frist_name = 'Alicia'
                 WHERE email = 'alice@example.com';
                """;
        List<SqlStatement> statements = StatementSplitter.split(file);
        SqlStatement update = statements.get(1);
        try (Connection c = TestDatabase.connect(TestDatabase.freshDatabase("positions"))) {
            StatementExecutor.execute(c, "CREATE TABLE users (first_name text, email text)");
            Failed failed = (Failed) StatementExecutor.execute(c, update.text());
            assertThat(failed.sqlState()).isEqualTo("42703");
            SourcePosition at = update.positionOf(failed.position());
            assertThat(at).isEqualTo(new SourcePosition(5, 18));
            assertThat(file.lines().toList().get(at.line() - 1).codePoints().skip(at.column() - 1).limit(10)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString())
                    .isEqualTo("frist_name");
            assertThat(at.in("03-update-alice.sql")).isEqualTo("03-update-alice.sql:5:18");
        }
    }

    @Test
    void theErrorTokenIsWhatTheLearnerWroteThere() throws Exception {
        String file = """
                UPDATE users SET /* 😀 */ first_name = "Alicia";
                ALTER TABLE users ADD COLUMN a int
                    add COLUMN b int;
                SELECT 1;
                """;
        List<SqlStatement> statements = StatementSplitter.split(file);
        try (Connection c = TestDatabase.connect(TestDatabase.freshDatabase("tokens"))) {
            StatementExecutor.execute(c, "CREATE TABLE users (first_name text)");
            List<String> tokens = statements.stream()
                    .map(s -> new StatementRun(s, new Execution(StatementExecutor.execute(c, s.text()), List.of(), null, 0)).errorToken())
                    .toList();
            assertThat(tokens).as("a quoted name whole, a word as written, nothing without an error").containsExactly("\"Alicia\"", "add", "");
        }
    }

    @Test
    void positionsOnTheFirstLineAddToTheStatementsColumn() {
        SqlStatement second = StatementSplitter.split("SELECT 1;  SELECT nope;").get(1);
        assertThat(second.positionOf(8)).isEqualTo(new SourcePosition(1, 19));
        assertThat(second.positionOf(0)).as("no position: the statement's start").isEqualTo(new SourcePosition(1, 12));
    }
}
