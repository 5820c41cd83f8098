package workbook.notebook;

/**
 * How one language of code cell runs: sql and java are built in, `check` comes from the checker and is
 * registered by the lesson entry script (the runtime never imports the checker). One instance serves one
 * notebook run, so it may keep state between cells (the JShell of java cells) until {@link #close()}.
 */
public interface CellKind extends AutoCloseable {

    /** The fence language this kind runs, lower case ("check"). */
    String language();

    /**
     * Runs a cell whose placeholders are already filled and returns what it showed, as data. Failures
     * of the learner's code are outputs ({@link Output.Error}), not exceptions; an exception means the
     * workbook itself could not run the cell.
     */
    CellOutput run(CodeCell cell, NotebookContext context) throws Exception;

    /**
     * Called once before the walk when the notebook has cells of this kind, so slow set-up (starting
     * JShell) happens while the learner reads.
     */
    default void prepare(NotebookContext context) throws Exception {
    }

    /**
     * What this kind is still getting ready, in words ("Starting Java (JShell)"), so a cell that has to wait
     * for it says so instead of looking frozen; null when nothing is.
     */
    default String starting() {
        return null;
    }

    /**
     * Whether code the learner typed at the walk's `:` prompt is whole, so it runs now; until it is, the
     * prompt reads another line (psql waits for a statement's `;`, JShell for a complete snippet).
     */
    default boolean complete(String typed, NotebookContext context) {
        return true;
    }

    /** Called from another thread when the learner presses Ctrl-C while {@link #run} is under way. */
    default void cancel() {
    }

    @Override
    default void close() {
    }
}
