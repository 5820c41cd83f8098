package workbook.notebook;

import workbook.progress.NotebookProgress;
import workbook.progress.ProgressStore;

/**
 * Where the walk of a lesson stands, saved in the progress store each time it reaches another step, so
 * a quit, Ctrl-C or a killed process all leave the same bookmark. A notebook given as a file path
 * (not one of lessons/) keeps none.
 */
final class WalkBookmark {
    private final ProgressStore store;
    private final String name;
    private final int steps;
    private int step = -1;
    private int done = -1;

    private WalkBookmark(ProgressStore store, String name, int steps) {
        this.store = store;
        this.name = name;
        this.steps = steps;
    }

    static WalkBookmark of(ProgressStore store, String name, Notebook notebook) {
        return new WalkBookmark(store, name, notebook.steps().size());
    }

    static WalkBookmark none() {
        return new WalkBookmark(null, null, 0);
    }

    boolean kept() {
        return store != null;
    }

    String name() {
        return name;
    }

    /** The walk is at step index {@code at} (0-based; the notebook's end when {@code at} is past the last step). */
    void at(int at) {
        save(Math.min(at + 1, steps), done);
    }

    /** Step number {@code stepNumber} ran and worked (a skipped or failed step is not done). */
    void passed(int stepNumber) {
        save(step, Math.max(done, stepNumber));
    }

    private void save(int newStep, int newDone) {
        if (store == null || newStep == step && newDone == done) {
            return;
        }
        step = newStep;
        done = newDone;
        int savedStep = Math.max(step, 1);
        int savedDone = Math.max(done, 0);
        NotebookProgress saved = store.update(p -> {
            NotebookProgress before = p.notebook(name);
            NotebookProgress now = before == null ? new NotebookProgress(savedStep, savedDone, steps) : before.at(savedStep, savedDone, steps);
            return p.withNotebook(name, now);
        }).notebook(name);
        done = saved.done();
    }
}
