package workbook.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.TestDatabase;
import workbook.db.ConnectionInfo;

/**
 * The splitter's contract is "as psql would": this runs a file of awkward SQL through the real psql
 * (when installed) and compares the statements psql sent, as its -L log records them, with ours.
 */
class SplitterAgreesWithPsqlTest {
    private static final String QUERY_START = "********* QUERY **********\n";
    private static final String QUERY_END = "\n**************************";

    private static final String AWKWARD = """
            -- Task 1 (Alice's table)
            CREATE TABLE t (id int PRIMARY KEY, note text, doc jsonb);
            INSERT INTO t VALUES (1, 'semi;colon', '{"k": 1}');
            INSERT INTO t VALUES (2, 'it''s', NULL); INSERT INTO t VALUES (3, E'back\\'slash;', NULL);
            SELECT "note;" FROM (SELECT note AS "note;" FROM t) s;
            SELECT doc ? 'k', doc ?| array['k'] FROM t WHERE note <> ':name';
            \\d t
            SELECT 1 /* block; /* nested; */ still */ + 1;
            SELECT 2 -- trailing; comment
            ;
            DO $$ BEGIN RAISE NOTICE 'a;b'; END $$;
            DO $body$ BEGIN PERFORM $$;$$; END $body$;
            CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql
            BEGIN ATOMIC
              SELECT i + 1;
            END;
            CREATE FUNCTION g(x int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN x > 0 THEN 1 END; SELECT 2; END;
            CREATE FUNCTION sign1(x int) RETURNS int RETURN CASE WHEN x > 0 THEN 1 ELSE 0 END;
            CREATE OR REPLACE FUNCTION shout(s text) RETURNS text AS 'SELECT upper(s) || '';''' LANGUAGE sql;
            SELECT CASE WHEN true THEN 1 END;
            BEGIN;
            UPDATE t SET note = upper(note) WHERE id = 1;
            COMMIT;
            SELECT U&'d\\0061t;a';
            SELECT $1;
            SELECT a$b$ FROM (SELECT 1 AS a$b$) s;
            \\echo hi
            SELECT (1;2);
            ;;
            SELECT 3;\r
            SELECT 'last, without a semicolon'
            """;

    @TempDir
    Path dir;

    @Test
    void statementsAreTheOnesPsqlSends() throws Exception {
        assumeTrue(psqlInstalled(), "psql is not installed");
        ConnectionInfo db = TestDatabase.freshDatabase("psql_split");
        Path file = dir.resolve("awkward.sql");
        Path log = dir.resolve("psql.log");
        Files.writeString(file, AWKWARD);
        Process psql = new ProcessBuilder("psql", "-X", "-q", "-o", "/dev/null", "-L", log.toString(), "-f", file.toString(),
                "postgresql://" + db.user() + ":" + db.password() + "@localhost:" + db.port() + "/" + db.database())
                .redirectErrorStream(true).redirectOutput(dir.resolve("psql.out").toFile()).start();
        assertThat(psql.waitFor(60, TimeUnit.SECONDS)).isTrue();

        List<String> psqlSent = new ArrayList<>();
        String text = Files.readString(log);
        for (int at = text.indexOf(QUERY_START); at >= 0; at = text.indexOf(QUERY_START, at + 1)) {
            int from = at + QUERY_START.length();
            psqlSent.add(normalise(text.substring(from, text.indexOf(QUERY_END, from))));
        }
        psqlSent.removeIf(String::isEmpty); // psql sends a bare ; as an empty query; we drop it on purpose
        List<String> ours = StatementSplitter.splitSql(AWKWARD).stream().map(s -> normalise(s.text())).toList();
        assertThat(ours).hasSize(24).containsExactlyElementsOf(psqlSent);
    }

    /** psql keeps the semicolon and comments before it; we keep neither: compare what the server parses. */
    private static String normalise(String statement) {
        String noLineComments = statement.replaceAll("--[^\\n]*", "");
        String trimmed = noLineComments.strip();
        if (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.replaceAll("\\s+", " ").strip();
    }

    private static boolean psqlInstalled() {
        try {
            return new ProcessBuilder("psql", "--version").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }
}
