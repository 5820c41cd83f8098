package workbook.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import workbook.TestDatabase;
import workbook.db.RunningServer;
import workbook.notebook.CellOutput;
import workbook.notebook.CodeCell;
import workbook.notebook.NotebookContext;
import workbook.notebook.Output;

class CheckCellKindTest {
    @Test
    void checkCellShowsOneVerdictPerTaskOfTheLearnersFiles() throws Exception {
        CheckerFixture fixture = new CheckerFixture("crm_cell");
        try (Connection connection = TestDatabase.connect(fixture.crmDb)) {
            NotebookContext context = new NotebookContext(CheckerFixture.HOME, new RunningServer(fixture.crmDb, "url", "test server"),
                    connection, CheckerFixture.HOME.lessonsDir().resolve("lesson3.md"));
            CodeCell cell = new CodeCell(1, "check", "lesson3\n", Map.of(), null, "Assignment", 1);
            CellOutput output = new CheckCellKind().run(cell, context);

            assertThat(output.outcome()).isEqualTo(CellOutput.Outcome.OK);
            assertThat(output.outputs()).filteredOn(o -> o instanceof Output.Verdict).hasSize(5)
                    .allSatisfy(o -> assertThat(((Output.Verdict) o).passed()).isFalse())
                    .first().satisfies(o -> assertThat(((Output.Verdict) o).text()).startsWith("1. Add four columns to users  0/10  (not attempted yet"));
            assertThat(output.outputs()).last().satisfies(o -> assertThat(((Output.Result) o).text())
                    .contains("Progress: 0/4 tasks, bonus pending").contains("`./jbang check lesson3 --task 1`"));
        }
    }

    @Test
    void checkCellNamingNoExerciseSetFailsWithOneLine() throws Exception {
        CheckerFixture fixture = new CheckerFixture("crm_cell_bad");
        try (Connection connection = TestDatabase.connect(fixture.crmDb)) {
            NotebookContext context = new NotebookContext(CheckerFixture.HOME, new RunningServer(fixture.crmDb, "url", "test server"),
                    connection, CheckerFixture.HOME.lessonsDir().resolve("lesson3.md"));
            CellOutput output = new CheckCellKind().run(new CodeCell(1, "check", "lesson99", Map.of(), null, "x", 1), context);
            assertThat(output.failed()).isTrue();
            assertThat(((Output.Error) output.outputs().get(0)).message()).startsWith("No exercise set `lesson99`").contains("Known: lesson3");
        }
    }
}
