package workbook.progress;

/**
 * Where the walk of one lesson or lab stands.
 *
 * @param step  the step the walk was at last (1-based): where a plain {@code ./jbang NAME} offers to continue
 * @param done  the furthest the walk has moved past (ran or skipped), 0 to {@code steps}; going back keeps it
 * @param steps how many steps the notebook had then
 */
public record NotebookProgress(int step, int done, int steps) {

    public boolean finished() {
        return steps > 0 && done >= steps;
    }

    /** At {@code step} now; {@code done} never goes down. */
    public NotebookProgress at(int newStep, int newDone, int newSteps) {
        return new NotebookProgress(newStep, Math.max(done, newDone), newSteps);
    }
}
