package workbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.ReportChecker;
import workbook.Slow;
import workbook.TestDatabase;
import workbook.db.ConnectionInfo;

@Slow
class ExportTest {
    @TempDir
    Path dir;

    private static final String NOTES = """
            # Exported

            Connect with `{{db.psql}}`.

            ```sql id=make
            CREATE TABLE users (email text UNIQUE);
            INSERT INTO users VALUES ('alice@example.com');
            SELECT email, NULL AS nothing FROM users;
            ```

            ```sql id=dup expect=error
            INSERT INTO users VALUES ('alice@example.com');
            ```

            ```java id=count
            var shown = "counting";
            System.out.println(shown);
            handle.createQuery("SELECT count(*) FROM users").mapTo(int.class).one()
            ```
            """;

    @Test
    void ipynbHasEveryCellWithTheOutputsOfTheRun() throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("export_ipynb");
        Path file = dir.resolve("out/notes.ipynb");
        LessonRun run = LessonRun.of(dir, NOTES, db, "--run-all", "--export", file.toString());
        assertThat(run.exitCode()).as(run.output()).isZero();

        JsonNode nb = new ObjectMapper().readTree(file.toFile());
        assertThat(nb.get("nbformat").asInt()).isEqualTo(4);
        assertThat(nb.at("/metadata/kernelspec/name").asText()).isEqualTo("java");
        assertThat(nb.at("/metadata/language_info/name").asText()).isEqualTo("java");
        List<String> types = new ArrayList<>();
        nb.get("cells").forEach(c -> types.add(c.get("cell_type").asText()));
        assertThat(types).containsExactly("markdown", "code", "code", "code");

        // the lesson's own port for a reader on another machine, not the port the export ran on
        assertThat(text(nb.at("/cells/0/source"))).contains("psql -h localhost -p 5432").doesNotContain("{{");
        JsonNode make = nb.at("/cells/1");
        assertThat(text(make.get("source"))).startsWith("%%sql\nCREATE TABLE users");
        assertThat(make.at("/metadata/language").asText()).isEqualTo("sql");
        assertThat(make.get("outputs")).extracting(o -> o.get("output_type").asText())
                .containsExactly("display_data", "display_data", "execute_result");
        assertThat(text(make.at("/outputs/2/data/text~1plain"))).contains("alice@example.com", "NULL", "(1 row)");
        assertThat(text(make.at("/outputs/2/data/text~1html"))).contains("<td>alice@example.com</td>", "<i>NULL</i>");

        JsonNode dup = nb.at("/cells/2");
        JsonNode error = dup.get("outputs").get(1);
        assertThat(error.get("output_type").asText()).isEqualTo("error");
        assertThat(error.get("ename").asText()).isEqualTo("23505");
        assertThat(error.get("evalue").asText()).contains("duplicate key value");
        assertThat(dup.at("/metadata/tags/0").asText()).isEqualTo("raises-exception");

        JsonNode java = nb.at("/cells/3");
        assertThat(text(java.get("source"))).startsWith("var shown");
        assertThat(java.at("/outputs/0/output_type").asText()).isEqualTo("stream");
        assertThat(text(java.at("/outputs/0/text"))).isEqualTo("counting\n");
        assertThat(text(java.at("/outputs/1/data/text~1plain"))).isEqualTo("1");
        assertThat(java.get("outputs")).as("JShell's declarations are for the terminal").hasSize(2);
        assertThat(java.get("execution_count").asInt()).isEqualTo(3);

        assertValidForJupyter(file);
    }

    @Test
    void markdownPutsEachOutputUnderItsCell() throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("export_md");
        Path file = dir.resolve("notes-run.md");
        LessonRun run = LessonRun.of(dir, NOTES, db, "--run-all", "--export", file.toString());
        assertThat(run.exitCode()).as(run.output()).isZero();

        String md = Files.readString(file);
        assertThat(md).contains("Connect with `psql -h localhost");
        assertThat(md).contains("```sql id=make\nCREATE TABLE users");
        assertThat(md).containsPattern("(?s)```sql id=make.*?```\\s+Output:\\s+```text\\nCREATE TABLE\\nINSERT 0 1\\n");
        assertThat(md).containsPattern("(?s)```sql id=dup expect=error.*?Output:.*?Expected error.*?duplicate key value");
        assertThat(md).containsPattern("(?s)```java id=count.*?Output:\\s+```text\\ncounting\\n1\\n```");
        // the page is itself a notebook again: the same steps parse back
        Notebook back = new NotebookParser(java.util.Set.of("sql", "java")).parse(file);
        assertThat(back.steps()).extracting(CodeCell::id).containsExactly("make", "dup", "count");
    }

    @Test
    void anExportShowsTheLessonsOwnOutputsWhateverTheLearnersDatabaseHolds() throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("export_own_server");
        try (var c = TestDatabase.connect(db); var s = c.createStatement()) {
            s.execute("CREATE TABLE users (email text UNIQUE)");
            s.execute("INSERT INTO users VALUES ('mine@example.com')");
        }
        Path file = dir.resolve("fresh.md");
        String sessions = NOTES + """

                ```sql id=other session=b database=crm_lab_export
                SELECT 1 AS one;
                ```

                ```sql id=stuck session=b database=crm_lab_export expect=error
                BEGIN;
                SELECT 1 / 0;
                ```
                """;
        LessonRun run = LessonRun.of(dir, sessions, db, "--run-all", "--export", file.toString());
        assertThat(run.exitCode()).as(run.output()).isZero();

        String md = Files.readString(file);
        assertThat(md).containsPattern("(?s)```sql id=make.*?Output:\\s+```text\\nCREATE TABLE\\nINSERT 0 1\\n")
                .contains("The transaction is aborted in session b")
                .doesNotContain("mine@example.com", "created variable", "Type :")
                .contains("_In session b, on crm_lab_export:_");
        try (var c = TestDatabase.connect(db); var s = c.createStatement(); var rs = s.executeQuery("SELECT string_agg(email, ',') FROM users")) {
            rs.next();
            assertThat(rs.getString(1)).as("the learner's database is not touched").isEqualTo("mine@example.com");
        }
        try (var c = TestDatabase.connect(db); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = 'crm_lab_export'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("nor its server").isZero();
        }
    }

    @Test
    void aChartACellDrawsIsAnSvgImageInBothExports() throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("export_chart");
        String charted = """
                # Charted

                ```java id=chart
                System.out.println(workbook.terminal.BarChart.of("Requests per second", "req/s")
                        .with("new connection", 50).with("pool of 4", 500).render());
                ```
                """;
        Path ipynb = dir.resolve("charted.ipynb");
        assertThat(LessonRun.of(dir, charted, db, "--run-all", "--export", ipynb.toString()).exitCode()).isZero();
        JsonNode outputs = new ObjectMapper().readTree(ipynb.toFile()).at("/cells/1/outputs");
        assertThat(text(outputs.at("/0/text"))).as("the bars as text, as the terminal shows them").contains("pool of 4       █");
        assertThat(outputs.at("/1/output_type").asText()).isEqualTo("display_data");
        assertThat(text(outputs.at("/1/data/image~1svg+xml"))).startsWith("<svg").contains("Requests per second", "500 req/s");
        assertValidForJupyter(ipynb);

        Path md = dir.resolve("charted-run.md");
        assertThat(LessonRun.of(dir, charted, db, "--run-all", "--export", md.toString()).exitCode()).isZero();
        assertThat(Files.readString(md)).contains("<img alt=\"Requests per second\" src=\"data:image/svg+xml;base64,");
    }

    @Test
    void anExportFileOfAnotherKindIsBadInput() throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("export_bad");
        LessonRun run = LessonRun.of(dir, NOTES, db, "--run-all", "--export", dir.resolve("x.html").toString());
        assertThat(run.exitCode()).isEqualTo(2);
    }

    static void assertValidForJupyter(Path file) throws Exception {
        ReportChecker.Verdict verdict = ReportChecker.check("ipynb", file);
        assertThat(verdict.valid()).as(verdict.toString()).isTrue();
    }

    private static String text(JsonNode lines) {
        if (lines.isTextual()) {
            return lines.asText();
        }
        StringBuilder s = new StringBuilder();
        lines.forEach(l -> s.append(l.asText()));
        return s.toString();
    }
}
