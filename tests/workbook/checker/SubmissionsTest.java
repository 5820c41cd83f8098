package workbook.checker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import workbook.Slow;
import workbook.checker.result.CheckReport;
import workbook.checker.result.CheckResult;
import workbook.checker.result.TaskResult;
import workbook.checker.run.AssignmentChecker;
import workbook.checker.run.ScratchDatabase;
import workbook.checker.run.ServerAccess;
import workbook.grading.FeedbackReport;
import workbook.grading.GradeRecord;
import workbook.terminal.Console;

/**
 * Every folder under submissions/ is a case: its .sql files laid over the reference solutions, and an
 * expect.toml saying, per task that should lose points, how many it keeps and what the learner reads,
 * both in {@code check}'s output and in the grader's feedback.md. Tasks an expect.toml does not name must
 * pass with full points and no SQL error. No check offers one of the task's hints unasked. A {@code message} of a
 * hidden check is the instructor's: the learner reads {@code shown_as} in its place, and never the message.
 */
@Slow
class SubmissionsTest {
    record Expected(String about, List<ExpectedTask> tasks) {
        Expected {
            tasks = tasks == null ? List.of() : tasks;
        }
    }

    record ExpectedTask(String id, int points, String status, String message, String error,
                        @JsonProperty("error_note") String errorNote, String note, @JsonProperty("shown_as") String shownAs) {
    }

    private static CheckerFixture fixture;

    @BeforeAll
    static void server() {
        fixture = new CheckerFixture("crm_submissions");
    }

    static Stream<String> cases() throws IOException {
        try (var folders = Files.list(CheckerFixture.SUBMISSIONS)) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    /**
     * `check`'s fast path (a spare copy renamed, held under its run's lock, dropped by the server after the
     * verdict) judges exactly as a copy made and dropped on the spot does.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theFastPathGivesTheSameVerdicts(String name) throws Exception {
        Path folder = CheckerFixture.overlay(CheckerFixture.SUBMISSIONS.resolve(name));
        CheckReport plain = fixture.scratch(folder);
        CheckReport fast;
        try (ServerAccess learners = new ServerAccess(fixture.crmDb).dropsInBackground()) {
            fast = new AssignmentChecker(CheckerFixture.LESSON3, learners, folder, "exercises/lesson3/").scratch(Optional.empty(), message -> { });
        } finally {
            ScratchDatabase.awaitDrops(); // the next case then finds the spare this one made
        }
        assertThat(stable(fast)).isEqualTo(stable(plain));
    }

    /** The report as text, less what differs between any two runs: the ids gen_random_uuid() gave and the times now() said. */
    private static String stable(CheckReport report) {
        return report.toString().replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "UUID")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}[T ][0-9:.]+([+-]\\d{2}(:\\d{2})?)?", "TIME");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void submissionLosesExactlyThePointsItShould(String name) throws IOException {
        Path folder = CheckerFixture.SUBMISSIONS.resolve(name);
        Expected expected = new TomlMapper().readValue(folder.resolve("expect.toml").toFile(), Expected.class);
        CheckReport report = fixture.scratch(CheckerFixture.overlay(folder));
        String checkOutput = checkOutput(report);
        String feedback = feedback(name, report);

        for (TaskResult task : report.tasks()) {
            ExpectedTask want = expected.tasks().stream().filter(t -> t.id().equals(task.taskId())).findFirst().orElse(null);
            String context = name + " / " + task.taskId() + ": " + task;
            List<String> taskHints = CheckerFixture.LESSON3.find(task.taskId()).orElseThrow().hints();
            assertThat(task.checks()).as("a task's hints wait for `./jbang hint`: " + context)
                    .noneMatch(c -> c.hint() != null && taskHints.contains(c.hint()));
            if (want == null) {
                assertThat(task.passed()).as(context).isTrue();
                assertThat(task.points()).as(context).isEqualTo(task.max());
                assertThat(task.sqlErrors()).as(context).isEmpty();
                continue;
            }
            assertThat(task.points()).as(context).isEqualTo(want.points());
            if (want.status() != null) {
                assertThat(task.status()).as(context).isEqualTo(TaskResult.Status.valueOf(want.status()));
            }
            if (want.message() != null) {
                assertThat(task.firstFailure()).as(context).isPresent();
                assertThat(task.firstFailure().get().message()).as(context).contains(want.message());
            }
            if (want.error() != null) {
                assertThat(task.sqlErrors()).as(context).anySatisfy(e -> assertThat(e).contains(want.error()));
            }
            if (want.errorNote() != null) {
                assertThat(task.sqlErrors()).as(context).anySatisfy(e -> assertThat(e).contains(want.errorNote()));
            }
            if (want.note() != null) {
                assertThat(allNotes(task)).as(context).anySatisfy(n -> assertThat(n).contains(want.note()));
            }
            String read = want.shownAs() != null ? want.shownAs() : want.message();
            for (String said : Stream.of(read, want.error(), want.errorNote(), want.note()).filter(Objects::nonNull).toList()) {
                assertThat(checkOutput).as("check's output of " + name).contains(said);
                assertThat(feedback).as("feedback.md of " + name).contains(said);
            }
            if (want.shownAs() != null) {
                assertThat(checkOutput).as("check's output of " + name).doesNotContain(want.message());
                assertThat(feedback).as("feedback.md of " + name).doesNotContain(want.message());
            }
        }
    }

    /**
     * One syntax error fails eight checks of task 1: the cause comes first and is said once, and no line
     * (a hint, a message) repeats, in check's output as in feedback.md.
     */
    @Test
    void oneSyntaxErrorIsSaidFirstAndOnce() {
        CheckReport report = fixture.scratch(CheckerFixture.overlay(CheckerFixture.SUBMISSIONS.resolve("missing-comma-add")));
        TaskResult task = report.tasks().get(0);
        assertThat(task.checks().stream().filter(c -> !c.passed())).as("the case fails many checks").hasSize(8);

        String check = checkOutput(report);
        String cause = "01-add-columns.sql:3:5: ERROR: syntax error at or near \"ADD\"";
        String reason = "`users` has no column `first_name`";
        assertThat(check.indexOf(cause)).as(check).isNotNegative().isLessThan(check.indexOf(reason));
        assertThat(section(check, "✗ 1. ", "✓ 2. ")).as(check).doesNotHaveDuplicates();

        String feedback = feedback("missing-comma-add", report);
        String first = section(feedback, "## ✗ 01-add-columns", "## ").stream().collect(java.util.stream.Collectors.joining("\n"));
        assertThat(first.indexOf(cause)).as(first).isNotNegative().isLessThan(first.indexOf("- ✗ "));
        assertThat(section(feedback, "## ✗ 01-add-columns", "## ")).as(feedback).doesNotHaveDuplicates();
    }

    /** The non-blank lines from the one starting with {@code from} up to the next starting with {@code to}. */
    private static List<String> section(String text, String from, String to) {
        List<String> lines = text.lines().toList();
        int start = 0;
        while (start < lines.size() && !lines.get(start).strip().startsWith(from)) {
            start++;
        }
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).strip().startsWith(to)) {
            end++;
        }
        assertThat(start).as("a line starting with " + from + " in\n" + text).isLessThan(lines.size());
        return lines.subList(start, end).stream().filter(l -> !l.isBlank() && !l.strip().equals("```")).toList();
    }

    /** What `./jbang check lesson3` prints for the report, without colours. */
    static String checkOutput(CheckReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new CheckPrinter(new Console(out, out, false)).print(report, false);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The feedback.md a grader would write for the report. */
    static String feedback(String student, CheckReport report) {
        return FeedbackReport.render(new GradeRecord(GradeRecord.FORMAT_VERSION, student, student, "lesson3", null, null,
                GradeRecord.Status.GRADED, null, "2025-01-01T00:00:00Z", 0, List.of(), List.of(), GradeRecord.tasksOf(report)));
    }

    private static List<String> allNotes(TaskResult task) {
        List<String> notes = new ArrayList<>(task.notes());
        task.checks().stream().map(CheckResult::notes).forEach(notes::addAll);
        return notes;
    }
}
