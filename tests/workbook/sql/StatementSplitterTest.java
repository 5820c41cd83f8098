package workbook.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatementSplitterTest {

    static Stream<Arguments> sources() {
        return Stream.of(
                Arguments.of("two statements", "SELECT 1; SELECT 2;", List.of("SELECT 1", "SELECT 2")),
                Arguments.of("last without semicolon", "SELECT 1;\nSELECT 2", List.of("SELECT 1", "SELECT 2")),
                Arguments.of("semicolon in a string", "INSERT INTO t VALUES ('a;b');", List.of("INSERT INTO t VALUES ('a;b')")),
                Arguments.of("doubled quote", "SELECT 'it''s; here'; SELECT 2", List.of("SELECT 'it''s; here'", "SELECT 2")),
                Arguments.of("E string with backslash quote", "SELECT E'it\\'s; here'; SELECT 2", List.of("SELECT E'it\\'s; here'", "SELECT 2")),
                Arguments.of("backslash in a standard string is literal", "SELECT 'a\\'; SELECT 2", List.of("SELECT 'a\\'", "SELECT 2")),
                Arguments.of("quoted identifier", "SELECT 1 AS \"a;\"\"b\"; SELECT 2", List.of("SELECT 1 AS \"a;\"\"b\"", "SELECT 2")),
                Arguments.of("line comment", "SELECT 1 -- not; here\n; SELECT 2", List.of("SELECT 1", "SELECT 2")),
                Arguments.of("nested block comment", "SELECT /* a /* b; */ c; */ 1; SELECT 2", List.of("SELECT /* a /* b; */ c; */ 1", "SELECT 2")),
                Arguments.of("leading comments are not part of the statement", "-- task 1\n/* note */\nSELECT 1;", List.of("SELECT 1")),
                Arguments.of("dollar body", "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql; SELECT 2",
                        List.of("CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql", "SELECT 2")),
                Arguments.of("tagged dollar body with $$ inside", "DO $body$ BEGIN PERFORM $$;$$; END $body$; SELECT 2",
                        List.of("DO $body$ BEGIN PERFORM $$;$$; END $body$", "SELECT 2")),
                Arguments.of("positional parameter is no dollar quote", "SELECT $1; SELECT 2", List.of("SELECT $1", "SELECT 2")),
                Arguments.of("identifier with dollar", "SELECT a$b$ FROM t; SELECT 2", List.of("SELECT a$b$ FROM t", "SELECT 2")),
                Arguments.of("parentheses keep semicolons", "CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2); SELECT 3",
                        List.of("CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2)", "SELECT 3")),
                Arguments.of("begin atomic body", "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END; SELECT 3",
                        List.of("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END", "SELECT 3")),
                Arguments.of("transaction BEGIN is a statement", "BEGIN; UPDATE t SET a = 1; COMMIT;", List.of("BEGIN", "UPDATE t SET a = 1", "COMMIT")),
                Arguments.of("empty statements", ";;  ; SELECT 1;;", List.of("SELECT 1")),
                Arguments.of("comment-only file", "-- nothing yet\n/* still nothing */\n", List.of()),
                Arguments.of("empty file", "", List.of()),
                Arguments.of("trailing comment after last statement", "SELECT 1\n-- done\n", List.of("SELECT 1")),
                Arguments.of("CRLF line ends", "SELECT 1;\r\nSELECT\r\n  2;\r\n", List.of("SELECT 1", "SELECT\n  2")),
                Arguments.of("question mark operators and colon names", "SELECT '{\"a\":1}'::jsonb ? 'a', :name;",
                        List.of("SELECT '{\"a\":1}'::jsonb ? 'a', :name")),
                Arguments.of("apostrophe in a line comment", "-- Alice's row\nSELECT 1; -- Bob's\nSELECT 2", List.of("SELECT 1", "SELECT 2")),
                Arguments.of("apostrophe in a block comment", "/* it's */ SELECT 1; SELECT 2", List.of("SELECT 1", "SELECT 2")),
                Arguments.of("comment markers inside strings", "SELECT '--x', '/*y'; SELECT 2", List.of("SELECT '--x', '/*y'", "SELECT 2")),
                Arguments.of("dollars inside a string", "SELECT '$$'; SELECT 2", List.of("SELECT '$$'", "SELECT 2")),
                Arguments.of("unicode escape string", "SELECT U&'d\\0061t;a'; SELECT 2", List.of("SELECT U&'d\\0061t;a'", "SELECT 2")),
                Arguments.of("CASE ... END in a SQL function body", "CREATE FUNCTION sign1(x int) RETURNS int RETURN CASE WHEN x > 0 THEN 1 ELSE 0 END; SELECT 2",
                        List.of("CREATE FUNCTION sign1(x int) RETURNS int RETURN CASE WHEN x > 0 THEN 1 ELSE 0 END", "SELECT 2")),
                Arguments.of("CREATE OR REPLACE PROCEDURE with BEGIN ATOMIC", "CREATE OR REPLACE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (1); END; SELECT 2",
                        List.of("CREATE OR REPLACE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (1); END", "SELECT 2")),
                Arguments.of("CASE inside BEGIN ATOMIC ends with its own END", "CREATE FUNCTION g(x int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN x > 0 THEN 1 END; SELECT 2; END; SELECT 3",
                        List.of("CREATE FUNCTION g(x int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN x > 0 THEN 1 END; SELECT 2; END", "SELECT 3")),
                Arguments.of("CASE outside a function does not hold the semicolon", "SELECT CASE WHEN true THEN 1 END; SELECT 2",
                        List.of("SELECT CASE WHEN true THEN 1 END", "SELECT 2")),
                Arguments.of("lone CR line ends", "SELECT 1;\rSELECT 2;", List.of("SELECT 1", "SELECT 2")),
                Arguments.of("psql's backslash-semicolon", "SELECT 1\\; SELECT 2;", List.of("SELECT 1", "SELECT 2")),
                Arguments.of("unterminated string runs to the end", "SELECT 'oops; SELECT 2", List.of("SELECT 'oops; SELECT 2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void splitsLikePsql(String name, String source, List<String> expected) {
        assertThat(StatementSplitter.splitSql(source)).extracting(SqlStatement::text).containsExactlyElementsOf(expected);
    }

    @Test
    void metaCommandsAreKeptApartAndRunToTheEndOfTheLine() {
        List<SqlStatement> statements = StatementSplitter.split("\\c crm_db\nSELECT 1;\n\\d users\n\\dt\nSELECT 2;\n\\q");
        assertThat(statements).extracting(SqlStatement::text, SqlStatement::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("\\c crm_db", SqlStatement.Kind.META),
                org.assertj.core.groups.Tuple.tuple("SELECT 1", SqlStatement.Kind.SQL),
                org.assertj.core.groups.Tuple.tuple("\\d users", SqlStatement.Kind.META),
                org.assertj.core.groups.Tuple.tuple("\\dt", SqlStatement.Kind.META),
                org.assertj.core.groups.Tuple.tuple("SELECT 2", SqlStatement.Kind.SQL),
                org.assertj.core.groups.Tuple.tuple("\\q", SqlStatement.Kind.META));
    }

    @Test
    void metaCommandEndsAtDoubleBackslash() {
        assertThat(StatementSplitter.split("\\x on \\\\ SELECT 1;")).extracting(SqlStatement::text)
                .containsExactly("\\x on", "SELECT 1");
    }

    @Test
    void backslashGSendsTheStatementTypedSoFar() {
        assertThat(StatementSplitter.split("SELECT 1 \\g\nSELECT 2;")).extracting(SqlStatement::text)
                .containsExactly("SELECT 1", "\\g", "SELECT 2");
    }

    @Test
    void backslashInsideStringsAndDollarBodiesIsNoMetaCommand() {
        assertThat(StatementSplitter.split("SELECT E'\\n', $$\\d$$, '\\d';")).extracting(SqlStatement::kind)
                .containsExactly(SqlStatement.Kind.SQL);
    }

    @Test
    void statementsKnowWhereTheyStart() {
        List<SqlStatement> statements = StatementSplitter.split("-- task\n\nSELECT 1;  UPDATE t\n  SET a = 1;\n\t\\d t");
        assertThat(statements).extracting(SqlStatement::line, SqlStatement::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, 1),
                org.assertj.core.groups.Tuple.tuple(3, 12),
                org.assertj.core.groups.Tuple.tuple(5, 2));
    }

    @Test
    void crlfAndBomDoNotShiftLinesOrColumns() {
        List<SqlStatement> statements = StatementSplitter.split("\uFEFF-- x\r\nSELECT 1;\r\n  SELECT 2;");
        assertThat(statements).extracting(SqlStatement::line, SqlStatement::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, 1),
                org.assertj.core.groups.Tuple.tuple(3, 3));
    }

    /** What the notebook's `:` prompt asks before it runs what was typed, as psql decides to send its buffer. */
    @Test
    void aStatementIsCompleteAtItsSemicolonOutsideQuotesCommentsAndBodies() {
        assertThat(List.of("SELECT 1;", "SELECT 1;\n-- done", "SELECT 1; /* a */", "\\d users", "", "  \n",
                "SELECT 'a;b';", "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;"))
                .allMatch(StatementSplitter::complete);
        assertThat(List.of("SELECT 1", "SELECT 1;\nSELECT 2", "SELECT 'a;", "SELECT 1 /* a; */", "SELECT 1; /* more",
                "DO $$ BEGIN PERFORM 1;", "SELECT (1;", "SELECT 1 -- ;", "CREATE FUNCTION f() RETURNS int BEGIN ATOMIC SELECT 1;"))
                .noneMatch(StatementSplitter::complete);
    }
}
