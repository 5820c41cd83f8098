package workbook.checker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.ReportChecker;
import workbook.TestDatabase;
import workbook.checker.result.CheckReport;
import workbook.checker.result.CheckResult;
import workbook.checker.task.CheckSpec;
import workbook.checker.task.Task;
import workbook.db.RunningServer;
import workbook.grading.FeedbackReport;
import workbook.grading.GradeRecord;
import workbook.grading.GradescopeResults;
import workbook.grading.JunitReport;
import workbook.notebook.CodeCell;
import workbook.notebook.NotebookContext;

/**
 * lesson3's hidden check ("no other row changed", an UPDATE without WHERE fails it) as a student meets it in every
 * place the workbook shows one: check, check --live, the notebook's check cell, feedback.md and the visible part of
 * results.json. None may hold its name, its condition, its message or its notes; each says a hidden check (2
 * points) failed and gives its hint. The instructor's outputs (results.json's hidden test, junit.xml) hold it all.
 */
class HiddenCheckTest {
    static final Path UPDATE_WITHOUT_WHERE = CheckerFixture.SUBMISSIONS.resolve("update-without-where");
    static final Task TASK = CheckerFixture.LESSON3.find("03-update-alice").orElseThrow();
    static final CheckSpec HIDDEN = TASK.checks().stream().filter(c -> TASK.visibilityOf(c).hiddenFromStudent()).findFirst().orElseThrow();
    static final String SHOWN = "a hidden check (2 points)";

    @Test
    void noStudentFacingOutputHoldsAHiddenChecksNameConditionOrMessage(@TempDir Path home) throws Exception {
        CheckerFixture fixture = new CheckerFixture("crm_hidden");
        CheckReport scratch = fixture.scratch(CheckerFixture.overlay(UPDATE_WITHOUT_WHERE));
        CheckResult failed = hiddenResult(scratch);
        assertThat(failed.passed()).as("the case fails the hidden check, so there is a message to keep").isFalse();
        assertThat(failed.message()).contains("another row changed too");
        List<String> secrets = secrets(failed);

        Map<String, String> shown = new LinkedHashMap<>();
        try (CourseCopy course = new CourseCopy(home)) {
            Files.copy(CheckerFixture.overlay(UPDATE_WITHOUT_WHERE).resolve(TASK.file()),
                    course.home.exercisesDir().resolve("lesson3").resolve(TASK.file()), StandardCopyOption.REPLACE_EXISTING);
            for (Task task : CheckerFixture.LESSON3.tasks()) {
                if (task != TASK) {
                    Files.copy(CheckerFixture.LESSON3.solutionFile(task), course.home.exercisesDir().resolve("lesson3").resolve(task.file()),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
            shown.put("check", CheckerFixture.check("lesson3", "--url", url(fixture)));
            shown.put("check cell", checkCell(fixture, course));
        }
        GradeRecord record = record(scratch);
        shown.put("feedback.md", FeedbackReport.render(record));
        Path results = home.resolve("results.json");
        GradescopeResults.write(results, record);
        shown.put("results.json, visible", visibleParts(new ObjectMapper().readTree(results.toFile())));

        // every output and secret is tried, so a leak names each place it happens
        SoftAssertions.assertSoftly(soft -> shown.forEach((where, text) -> {
            for (String secret : secrets) {
                soft.assertThat(text).as(where + " must not hold `" + secret + "`").doesNotContain(secret);
            }
            soft.assertThat(text).as(where).contains(SHOWN).contains(HIDDEN.hint());
        }));
        assertThat(shown.get("check")).contains(SHOWN + " failed");
        assertThat(ReportChecker.check("gradescope", results)).matches(ReportChecker.Verdict::valid, "valid");
    }

    /** --live cannot see what the hidden check compares; the note that says so would name its condition, so it goes too. */
    @Test
    void checkLiveKeepsTheHiddenChecksNotesToItself() throws Exception {
        CheckerFixture fixture = new CheckerFixture("crm_hidden_live");
        try (Connection c = TestDatabase.connect(fixture.crmDb); Statement s = c.createStatement()) {
            s.execute(Files.readString(CheckerFixture.LESSON3.setupFile()));
        }
        CheckResult live = hiddenResult(fixture.live());
        assertThat(live.notes()).as("the full report has something to keep").isNotEmpty();
        String text = CheckerFixture.check("lesson3", "--live", "--url", url(fixture));
        assertThat(text).contains("3. Update Alice");
        for (String secret : secrets(live)) {
            assertThat(text).as("check --live must not hold `" + secret + "`").doesNotContain(secret);
        }
    }

    @Test
    void theInstructorsOutputsHoldTheHiddenCheckInFull(@TempDir Path dir) throws Exception {
        CheckerFixture fixture = new CheckerFixture("crm_hidden_instructor");
        CheckReport scratch = fixture.scratch(CheckerFixture.overlay(UPDATE_WITHOUT_WHERE));
        CheckResult failed = hiddenResult(scratch);
        GradeRecord record = record(scratch);
        assertThat(record.task(TASK.id()).points()).as("a hidden check counts").isEqualTo(TASK.points() - HIDDEN.points());

        JsonNode results = GradescopeResults.render(record);
        JsonNode full = find(results, TASK.id() + ": " + HIDDEN.name());
        assertThat(full.path("visibility").asText()).isEqualTo("hidden");
        assertThat(full.path("score").asInt()).isZero();
        assertThat(full.path("max_score").asInt()).isEqualTo(HIDDEN.points());
        assertThat(full.path("output").asText()).contains(failed.message().substring(0, 40));
        JsonNode student = find(results, TASK.id() + ": " + SHOWN);
        assertThat(student.path("visibility").asText()).isEqualTo("visible");
        assertThat(student.has("score")).as("its points are counted once, by the hidden test").isFalse();
        assertThat(student.path("status").asText()).isEqualTo("failed");
        assertThat(results.path("tests")).allSatisfy(t -> assertThat(t.path("output_format").asText()).isEqualTo("md"));

        Path junit = dir.resolve("junit.xml");
        JunitReport.write(junit, record);
        assertThat(Files.readString(junit)).contains(HIDDEN.name()).contains("another row changed too");
    }

    /** What a student could learn the check's condition from: its name, its condition, and what it said. */
    private static List<String> secrets(CheckResult full) {
        List<String> secrets = new ArrayList<>(List.of(HIDDEN.name(), HIDDEN.where()));
        Optional.ofNullable(full.message()).ifPresent(secrets::add);
        secrets.addAll(full.notes());
        return secrets;
    }

    private static CheckResult hiddenResult(CheckReport report) {
        return report.tasks().get(CheckerFixture.LESSON3.numberOf(TASK) - 1).checks().stream()
                .filter(c -> c.check().equals(HIDDEN.name())).findFirst().orElseThrow();
    }

    private static GradeRecord record(CheckReport report) {
        return new GradeRecord(GradeRecord.FORMAT_VERSION, "carol", "carol", "lesson3", null, null, GradeRecord.Status.GRADED, null,
                "2025-01-01T00:00:00Z", 0, List.of(), List.of(), GradeRecord.tasksOf(report));
    }

    /** results.json as Gradescope shows a student: the top-level output and every test that is visible, name and output. */
    private static String visibleParts(JsonNode results) {
        StringBuilder text = new StringBuilder(results.path("output").asText()).append('\n');
        for (JsonNode test : results.path("tests")) {
            if (test.path("visibility").asText("visible").equals("visible")) {
                text.append(test.path("name").asText()).append('\n').append(test.path("output").asText()).append('\n');
            }
        }
        return text.toString();
    }

    private static JsonNode find(JsonNode results, String name) {
        for (JsonNode test : results.path("tests")) {
            if (test.path("name").asText().equals(name)) {
                return test;
            }
        }
        throw new AssertionError("no test named " + name + " in " + results.toPrettyString());
    }

    private static String checkCell(CheckerFixture fixture, CourseCopy course) throws Exception {
        try (Connection connection = TestDatabase.connect(fixture.crmDb)) {
            NotebookContext context = new NotebookContext(course.home, new RunningServer(fixture.crmDb, "url", "test server"),
                    connection, course.home.lessonsDir().resolve("lesson3.md"));
            return new CheckCellKind().run(new CodeCell(1, "check", "lesson3\n", Map.of(), null, "Assignment", 1), context).outputs().toString();
        }
    }

    private static String url(CheckerFixture fixture) {
        return fixture.crmDb.jdbcUrl() + "?user=" + fixture.crmDb.user() + "&password=" + fixture.crmDb.password();
    }
}
