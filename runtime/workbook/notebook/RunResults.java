package workbook.notebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a walk or a --run-all produced, as data: the latest run of each step, and the code the
 * learner typed between cells. Exports read only this, so they show exactly what the learner saw.
 */
public final class RunResults {
    private final Notebook notebook;
    private final Map<Integer, CellRun> byStep = new LinkedHashMap<>();
    private final List<CellRun> all = new ArrayList<>();

    public RunResults(Notebook notebook) {
        this.notebook = notebook;
    }

    public void record(CellRun run) {
        all.add(run);
        if (run.cell().step() > 0) {
            byStep.put(run.cell().step(), run);
        }
    }

    public Notebook notebook() {
        return notebook;
    }

    /** The latest run of a step, if it ran. */
    public Optional<CellRun> latest(CodeCell step) {
        return Optional.ofNullable(byStep.get(step.step()));
    }

    /** Every run in the order it happened, typed code included. */
    public List<CellRun> history() {
        return List.copyOf(all);
    }

    /** Steps whose latest run failed where the lesson did not expect it. */
    public List<CellRun> failures() {
        return byStep.values().stream().filter(r -> r.output().failed()).toList();
    }
}
