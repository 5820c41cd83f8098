package workbook.notebook;

import java.util.ArrayList;
import java.util.List;

/**
 * What one run of a cell showed, as data: the outcome and the outputs in order. The terminal, the
 * .ipynb and the .md export all render from this, so a result looks the same everywhere.
 */
public record CellOutput(Outcome outcome, List<Output> outputs) {

    public CellOutput {
        outputs = List.copyOf(outputs);
    }

    public static CellOutput of(Outcome outcome, Output... outputs) {
        return new CellOutput(outcome, List.of(outputs));
    }

    /** True when `--run-all` must count this cell as failed. */
    public boolean failed() {
        return outcome == Outcome.FAILED || outcome == Outcome.UNEXPECTED_SUCCESS;
    }

    public CellOutput withOutcome(Outcome other) {
        return new CellOutput(other, outputs);
    }

    public CellOutput plus(Output more) {
        List<Output> all = new ArrayList<>(outputs);
        all.add(more);
        return new CellOutput(outcome, all);
    }

    /** How a cell's run ended. */
    public enum Outcome {
        /** Ran without error. */
        OK,
        /** The learner's code failed. */
        FAILED,
        /** An `expect=error` cell failed, as it should. */
        EXPECTED_ERROR,
        /** An `expect=error` cell did not fail: the lesson's point was not shown. */
        UNEXPECTED_SUCCESS,
        /** Objects or rows were already there from an earlier run; kept, and the cell went on. */
        KEPT,
        /** The learner pressed Ctrl-C. */
        CANCELLED
    }
}
