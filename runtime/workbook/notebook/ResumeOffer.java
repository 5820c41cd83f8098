package workbook.notebook;

import workbook.progress.NotebookProgress;
import workbook.terminal.Console;
import workbook.terminal.Console.Style;
import workbook.terminal.KeyPrompt;

/** A plain {@code ./jbang lesson3} after an earlier walk: continue at the step reached (Enter) or start over (s). */
final class ResumeOffer {
    /** What {@link #ask} returns when the learner quit at the question. */
    static final int QUIT = -1;

    private ResumeOffer() {
    }

    /** The step number to start at (1 when there is nothing to continue), or {@link #QUIT}. */
    static int ask(Notebook notebook, NotebookProgress before, Console console, KeyPrompt keys) {
        int total = notebook.steps().size();
        if (before == null || before.step() > total) {
            return 1;
        }
        if (before.finished()) {
            console.line(console.style(Style.DIM, "You went through all " + total + " steps of " + notebook.name()
                    + " before; this walk starts at step 1 (--from STEP starts elsewhere)."));
            return 1;
        }
        if (before.step() <= 1) {
            return 1;
        }
        console.line(console.style(Style.BOLD, notebook.name() + ": continue at step " + before.step() + " of " + total
                + " (Enter) or start over (s)?"));
        while (true) {
            int key = keys.key();
            if (key == KeyPrompt.ENTER) {
                return before.step();
            }
            if (key == 's') {
                return 1;
            }
            if (key == 'q' || key == KeyPrompt.QUIT) {
                return QUIT;
            }
        }
    }
}
