package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.WorkbookHome;
import workbook.checker.TaskSetReader;
import workbook.checker.result.SqlFailure;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;
import workbook.checker.task.Visibility;

/** report.html rendered from records alone: what it counts, what it pairs, and that student text stays text. */
class ClassReportTest {
    static final TaskSet LESSON3 = TaskSetReader.forLesson(WorkbookHome.locate(), "lesson3");
    static final String HOSTILE = "</script><img src=x onerror=alert(1)>";

    @TempDir
    Path dir;

    @Test
    void hostileSqlAndNamesRenderAsText() throws IOException {
        String sql = "SELECT '" + HOSTILE + "' AS first_name_is_alicia_now;";
        List<GradeRecord> records = List.of(
                record("a" + HOSTILE, Map.of("03-update-alice", List.of(sql, "UPDATE users SET last_name = 'x' WHERE id = 1;",
                        "UPDATE users SET phone_number = '1' WHERE id = 2;")), List.of(new SqlFailure("42703", "column \"" + HOSTILE + "\" does not exist"))),
                record("b" + HOSTILE, Map.of("03-update-alice", List.of(sql, "UPDATE users SET last_name = 'x' WHERE id = 1;",
                        "UPDATE users SET phone_number = '1' WHERE id = 2;")), List.of()));

        String html = write(records);

        assertThat(html).doesNotContain(HOSTILE).doesNotContain("<img").doesNotContain("<script")
                .contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
        assertThat(html).as("the pair, the error and the example are all shown, escaped")
                .contains("a&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; and b&lt;/script&gt;")
                .contains("42703").contains("undefined_column");
    }

    @Test
    void aPairIsListedForTheirOwnLinesNotForTheReferenceSolution() throws IOException {
        List<String> solution = Files.readAllLines(LESSON3.solutionFile(LESSON3.tasks().get(0)));
        List<String> own = List.of("ALTER TABLE users ADD COLUMN nickname text;", "UPDATE users SET nickname = 'ally' WHERE id = 1;",
                "-- a comment does not count", "CREATE INDEX users_nick ON users (nickname);");
        List<String> copied = new ArrayList<>(solution);
        copied.addAll(own);
        List<String> shouted = new ArrayList<>(solution);
        own.forEach(line -> shouted.add("  " + line.toUpperCase().replace(" ", "   ")));
        List<GradeRecord> records = List.of(
                record("carol", Map.of("01-add-columns", copied), List.of()),
                record("dave", Map.of("01-add-columns", shouted), List.of()),
                record("erin", Map.of("01-add-columns", solution), List.of()),
                record("frank", Map.of("01-add-columns", solution), List.of()));

        AnswerSimilarity.Result result = AnswerSimilarity.of(LESSON3, records);

        assertThat(result.pairs()).as("erin and frank share only the reference solution: not a pair").hasSize(1);
        AnswerSimilarity.Pair pair = result.pairs().get(0);
        assertThat(List.of(pair.first(), pair.second())).containsExactly("carol", "dave");
        assertThat(pair.shared()).isEqualTo(3);
        assertThat(pair.lines()).containsExactly(own.get(0), own.get(1), own.get(3));
        assertThat(write(records)).contains("carol and dave: 100% alike, 3 lines shared");
    }

    @Test
    void errorsAreCountedOncePerSubmissionWithTheirTasksAndFailuresByMessage() throws IOException {
        SqlFailure undefined = new SqlFailure("42703", "column \"Alicia\" does not exist");
        List<GradeRecord> records = List.of(
                record("ann", Map.of(), List.of(undefined, undefined)),
                record("ben", Map.of(), List.of(undefined)),
                record("cat", Map.of(), List.of(new SqlFailure("23502", "null value"))));

        ClassOverview overview = ClassOverview.of(LESSON3, records);

        assertThat(overview.errors()).first().satisfies(e -> {
            assertThat(e.sqlState()).isEqualTo("42703");
            assertThat(e.count()).isEqualTo(2);
            assertThat(e.example()).isEqualTo("ann");
            assertThat(e.tasks()).isEqualTo("03-update-alice");
        });
        assertThat(overview.failures()).first().satisfies(f -> assertThat(f.count()).isEqualTo(3));
        assertThat(overview.tasks().get(0).rate().of()).isEqualTo(3);
    }

    @Test
    void whatCouldNotBeGradedIsListedAndLeftOutOfTheRates() throws IOException {
        GradeRecord broken = new GradeRecord(GradeRecord.FORMAT_VERSION, "zed", "zed.zip", "lesson3", null, null,
                GradeRecord.Status.NOT_GRADED, "not a zip file", "2025-01-01T00:00:00Z", 0, List.of(), List.of(),
                GradeRecord.ungraded(LESSON3, "not graded: not a zip file"));
        List<GradeRecord> records = List.of(record("amy", Map.of(), List.of()), broken);

        ClassOverview overview = ClassOverview.of(LESSON3, records);

        assertThat(overview.graded()).isEqualTo(1);
        assertThat(overview.ungraded()).extracting(ClassOverview.Ungraded::entry).containsExactly("zed.zip");
        assertThat(overview.histogram().bins().stream().mapToInt(ClassOverview.Bin::count).sum()).isEqualTo(1);
        assertThat(write(records)).contains("zed.zip").contains("not a zip file").contains("no other row changed");
    }

    @Test
    void recordsReadBackFromTheirFilesRenderTheSamePage() throws IOException {
        List<GradeRecord> records = List.of(
                record("gus", Map.of("02-insert-bob", List.of("INSERT INTO users (email) VALUES ('x@example.com');", "SELECT 1;", "SELECT 2;")),
                        List.of(new SqlFailure("23502", "null value in column \"first_name\""))),
                record("hal", Map.of("02-insert-bob", List.of("INSERT INTO users (email) VALUES ('x@example.com');", "SELECT 1;", "SELECT 2;")),
                        List.of()));
        ResultStore store = new ResultStore(dir.resolve("grades"));
        for (GradeRecord record : records) {
            store.write(record);
        }
        List<GradeRecord> readBack = List.of(store.read("gus").orElseThrow(), store.read("hal").orElseThrow());

        assertThat(readBack).isEqualTo(records);
        assertThat(ClassReport.render(ClassOverview.of(LESSON3, readBack))).isEqualTo(write(records)).contains("23502", "gus and hal");
    }

    @Test
    void theTemplateIsCompiledOnceAndItsClassesReadByTheNextRun() throws IOException {
        List<GradeRecord> records = List.of(record("ivy", Map.of(), List.of()));
        String first = write(records);
        Path kept = WorkbookHome.locate().stateDir().resolve(ReportTemplates.FOLDER)
                .resolve(ReportTemplates.key(ClassReport.TEMPLATE, List.of(ClassOverview.class, AnswerSimilarity.class)));
        Path compiled;
        try (var files = Files.walk(kept)) {
            compiled = files.filter(f -> f.getFileName().toString().endsWith(".class")).findFirst().orElseThrow();
        }
        Files.setLastModifiedTime(compiled, FileTime.fromMillis(0));

        assertThat(write(records)).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(compiled)).as("not compiled again").isEqualTo(FileTime.fromMillis(0));
        assertThat(ReportTemplates.key(ClassReport.TEMPLATE, List.of(ClassOverview.class)))
                .as("another model, another key").isNotEqualTo(kept.getFileName().toString());
    }

    private String write(List<GradeRecord> records) throws IOException {
        Path file = dir.resolve(ClassReport.FILE);
        ClassReport.write(file, LESSON3, records);
        return Files.readString(file);
    }

    /** A graded student who failed every check, with these files (task id to lines) and these errors in task 3. */
    static GradeRecord record(String student, Map<String, List<String>> files, List<SqlFailure> errors) {
        List<GradeRecord.TaskGrade> tasks = new ArrayList<>();
        for (Task task : LESSON3.tasks()) {
            List<GradeRecord.CheckGrade> checks = task.checks().stream()
                    .map(c -> new GradeRecord.CheckGrade(c.name(), 0, c.points(), false, "wrong", null, List.of(), Visibility.VISIBLE)).toList();
            tasks.add(new GradeRecord.TaskGrade(task.id(), task.title(), task.bonus(), "failed", task.file(), checks, List.of(), List.of(),
                    task.id().equals("03-update-alice") ? errors : List.of(), files.getOrDefault(task.id(), List.of())));
        }
        return new GradeRecord(GradeRecord.FORMAT_VERSION, student, student, "lesson3", "hash", "v", GradeRecord.Status.GRADED, null,
                "2025-01-01T00:00:00Z", 1, List.of(), List.of(), tasks);
    }
}
