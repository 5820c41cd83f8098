package workbook.checker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import workbook.Slow;
import workbook.checker.result.CheckReport;
import workbook.checker.result.CheckResult;
import workbook.checker.result.TaskResult;

/**
 * Every folder under submissions/ is a case: its .sql files laid over the reference solutions, and an
 * expect.toml saying, per task that should lose points, how many it keeps and what the learner reads.
 * Tasks an expect.toml does not name must pass with full points and no SQL error.
 */
@Slow
class SubmissionsTest {
    record Expected(String about, List<ExpectedTask> tasks) {
        Expected {
            tasks = tasks == null ? List.of() : tasks;
        }
    }

    record ExpectedTask(String id, int points, String status, String message, String error,
                        @JsonProperty("error_note") String errorNote, String note) {
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void submissionLosesExactlyThePointsItShould(String name) throws IOException {
        Path folder = CheckerFixture.SUBMISSIONS.resolve(name);
        Expected expected = new TomlMapper().readValue(folder.resolve("expect.toml").toFile(), Expected.class);
        CheckReport report = fixture.scratch(CheckerFixture.overlay(folder));

        for (TaskResult task : report.tasks()) {
            ExpectedTask want = expected.tasks().stream().filter(t -> t.id().equals(task.taskId())).findFirst().orElse(null);
            String context = name + " / " + task.taskId() + ": " + task;
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
                assertThat(task.firstFailure().get().hint() != null || task.status() != TaskResult.Status.FAILED
                        || task.firstFailure().get().message().contains("UTF-8")).as("a failed check comes with a hint: " + context).isTrue();
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
        }
    }

    private static List<String> allNotes(TaskResult task) {
        List<String> notes = new ArrayList<>(task.notes());
        task.checks().stream().map(CheckResult::notes).forEach(notes::addAll);
        return notes;
    }
}
