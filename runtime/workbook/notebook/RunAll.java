package workbook.notebook;

import java.util.List;
import workbook.terminal.Console;
import workbook.terminal.SlowWorkNotice;

/** `--run-all`: every cell from a starting step to the end, no questions, everything printed in order. */
final class RunAll {
    private final Notebook notebook;
    private final CellRunner runner;
    private final NotebookView view;
    private final Console console;

    RunAll(Notebook notebook, CellRunner runner, NotebookView view, Console console) {
        this.notebook = notebook;
        this.runner = runner;
        this.view = view;
        this.console = console;
    }

    RunResults run(CodeCell from) {
        RunResults results = new RunResults(notebook);
        List<Cell> cells = notebook.cells();
        int total = notebook.steps().size();
        for (int i = firstCellToShow(from); i < cells.size(); i++) {
            Cell cell = cells.get(i);
            if (cell instanceof ProseCell prose) {
                console.line(view.prose(prose));
                console.line("");
            } else if (cell instanceof CodeCell code) {
                console.line(view.step(code, total));
                CellRun run;
                try (SlowWorkNotice notice = SlowWorkNotice.after(700, "Running step " + code.step())) {
                    run = runner.run(code);
                }
                results.record(run);
                console.line("");
                console.line(view.output(run.output()));
                if (run.elapsed().toMillis() >= 1000) {
                    // instructors and CI logs see which cells are slow
                    console.line(console.style(Console.Style.DIM, String.format("(step %d took %.1fs)", code.step(), run.elapsed().toMillis() / 1000.0)));
                }
                console.line("");
            }
        }
        return results;
    }

    /** The prose just before the starting step, so the learner reads what the step is about. */
    private int firstCellToShow(CodeCell from) {
        if (from == null) {
            return 0;
        }
        int index = notebook.indexOf(from);
        return index > 0 && notebook.cells().get(index - 1) instanceof ProseCell ? index - 1 : index;
    }
}
