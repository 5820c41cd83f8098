package workbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.Slow;
import workbook.TestDatabase;
import workbook.WorkbookHome;
import workbook.checker.CheckCellKind;
import workbook.cli.CommandRunner;
import workbook.db.ConnectionInfo;
import workbook.terminal.Console;

/** The real lesson, run the way an instructor or CI runs it: every cell (the check cell too), twice, on a fresh crm_db. */
@Slow
class Lesson3RunTest {
    @TempDir
    Path dir;

    @Test
    void runAllOfLesson3CompletesWithAlicesRowAndRunsAgainWithoutHarm() throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("lesson3_run");
        int steps = new NotebookParser(Set.of("sql", "java", "check")).parse(WorkbookHome.locate().lessonsDir().resolve("lesson3.md")).steps().size();
        Path ipynb = dir.resolve("lesson3.ipynb");
        LessonRun first = run(db, "--export", ipynb.toString());

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output())
                .containsPattern("\\| alice@example\\.com \\| placeholder_hash_not_a_real_one \\|")
                .contains("CREATE TABLE", "INSERT 0 1")
                .contains("duplicate key value violates unique constraint \"users_email_key\"")
                .contains("[alice@example.com]")
                .containsPattern("Step \\d+ of \\d+ · Assignment")
                .contains("not attempted yet: exercises/lesson3/01-add-columns.sql")
                .contains("All " + steps + " steps of lesson3 ran.");

        JsonNode notebook = new ObjectMapper().readTree(ipynb.toFile());
        List<String> codeCells = new ArrayList<>();
        notebook.get("cells").forEach(c -> {
            if (c.get("cell_type").asText().equals("code")) {
                codeCells.add(c.get("id").asText());
                assertThat(c.get("execution_count").isInt()).as("%s ran", c.get("id")).isTrue();
                if (!c.get("id").asText().equals("java-user-dao")) {
                    // that cell only declares an interface, and JShell's "created interface" is left out of exports
                    assertThat(c.get("outputs")).as("outputs of %s", c.get("id")).isNotEmpty();
                }
            }
        });
        assertThat(codeCells).hasSize(steps).contains("create-users", "insert-alice", "java-user-dao");
        ExportTest.assertValidForJupyter(ipynb);

        // the export ran on a server of its own: the learner's database has not seen the lesson yet
        assertThat(run(db).exitCode()).isZero();
        LessonRun second = run(db);
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("Already there from an earlier run, kept", "./jbang db reset")
                .containsPattern("\\| alice@example\\.com \\| placeholder_hash_not_a_real_one \\|");
    }

    /** As lessons/Lesson.java wires it: the runtime's kinds plus the checker's `check`. */
    private static LessonRun run(ConnectionInfo db, String... more) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("lesson3", "--run-all", "--url", LessonRun.url(db)));
        args.addAll(List.of(more));
        int code = CommandRunner.run(new LessonCommand().withKind(new CheckCellKind()).printingTo(new Console(out, out, false)),
                args.toArray(String[]::new));
        return new LessonRun(code, bytes.toString(StandardCharsets.UTF_8));
    }
}
