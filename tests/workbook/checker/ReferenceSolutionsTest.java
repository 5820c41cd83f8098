package workbook.checker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import workbook.checker.result.CheckReport;
import workbook.checker.result.TaskResult;

class ReferenceSolutionsTest {
    @Test
    void referenceSolutionsScoreFullMarks() {
        CheckerFixture fixture = new CheckerFixture("crm_ref");
        CheckReport report = fixture.scratch(CheckerFixture.solutions());
        assertThat(report.tasks()).allSatisfy(t -> {
            assertThat(t.status()).as(t.taskId() + " " + t.checks() + t.sqlErrors()).isEqualTo(TaskResult.Status.PASSED);
            assertThat(t.sqlErrors()).isEmpty();
        });
        assertThat(report.score()).isEqualTo(23);
        assertThat(report.maxScore()).isEqualTo(21);
        assertThat(report.allRequiredPassed()).isTrue();
        assertThat(report.progressLine()).isEqualTo("4/4 tasks, bonus done");
    }

    @Test
    void everyStarterFileIsNotAttemptedYet() {
        CheckerFixture fixture = new CheckerFixture("crm_starters");
        CheckReport report = fixture.scratch(CheckerFixture.starters());
        assertThat(report.tasks()).allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskResult.Status.NOT_ATTEMPTED));
        assertThat(report.score()).isZero();
        assertThat(report.progressLine()).isEqualTo("0/4 tasks, bonus pending");
    }
}
