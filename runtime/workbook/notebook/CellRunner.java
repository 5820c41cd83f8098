package workbook.notebook;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import workbook.notebook.CellOutput.Outcome;
import workbook.sql.ExceptionText;

/**
 * Runs one code cell with the kind for its language: fills placeholders, applies `expect=error`, adds
 * the lesson's hint to a failure, and lets another thread stop the cell (Ctrl-C) without ending the walk.
 */
public final class CellRunner {
    private final CellKinds kinds;
    private final Supplier<NotebookContext> context;
    private final Placeholders placeholders;
    private volatile CellKind current;

    public CellRunner(CellKinds kinds, NotebookContext context, Placeholders placeholders) {
        this(kinds, () -> context, placeholders);
    }

    /** A runner whose context (the database reached, its connections) is asked for when a cell first needs it. */
    public CellRunner(CellKinds kinds, Supplier<NotebookContext> context, Placeholders placeholders) {
        this.kinds = kinds;
        this.context = context;
        this.placeholders = placeholders;
    }

    /** Lets the kinds the notebook uses get ready; a kind that cannot is reported when its first cell runs. */
    public void prepare(Notebook notebook) {
        notebook.steps().stream().map(CodeCell::language).distinct().forEach(language ->
                kinds.forLanguage(language).ifPresent(kind -> {
                    try {
                        kind.prepare(context.get());
                    } catch (Exception e) {
                        // the first cell of this kind runs into the same trouble and shows it in place
                    }
                }));
    }

    public CellRun run(CodeCell cell) {
        long started = System.nanoTime();
        CellOutput output = kinds.forLanguage(cell.language())
                .map(kind -> runWith(kind, cell.withSource(placeholders.fill(cell.source()))))
                .orElseGet(() -> CellOutput.of(Outcome.FAILED, new Output.Error("workbook",
                        "No runner for `" + cell.language() + "` cells in this workbook", List.of())));
        return new CellRun(cell, judged(cell, output), Duration.ofNanos(System.nanoTime() - started));
    }

    private CellOutput runWith(CellKind kind, CodeCell cell) {
        current = kind;
        try {
            return kind.run(cell, context.get());
        } catch (Exception | LinkageError e) {
            return CellOutput.of(Outcome.FAILED, new Output.Error(e.getClass().getSimpleName(),
                    "The workbook could not run this cell: " + ExceptionText.firstLine(e), List.of()));
        } finally {
            current = null;
        }
    }

    /** `expect=error` turns a failure into the expected output and a success into a failure of the lesson. */
    private static CellOutput judged(CodeCell cell, CellOutput output) {
        if (cell.expectsError()) {
            return switch (output.outcome()) {
                case FAILED -> output.withOutcome(Outcome.EXPECTED_ERROR);
                case OK, KEPT -> output.withOutcome(Outcome.UNEXPECTED_SUCCESS)
                        .plus(new Output.Note("This cell should have failed, to show an error, but it succeeded."));
                default -> output;
            };
        }
        if (output.outcome() == Outcome.FAILED && cell.hint() != null && !inAbortedTransaction(output)) {
            return output.plus(new Output.Note("Hint: " + cell.hint()));
        }
        return output;
    }

    /**
     * The cell failed only because an earlier one left its transaction aborted (25P02): the note on that says
     * what to do, and the lesson's hint for this cell, written for its own mistakes, would mislead.
     */
    private static boolean inAbortedTransaction(CellOutput output) {
        return output.outputs().stream().anyMatch(out -> out instanceof Output.Error error && "25P02".equals(error.name()));
    }

    /** Whether code typed in {@code language} is whole, so the `:` prompt runs it (see {@link CellKind#complete}). */
    public boolean complete(String language, String typed) {
        return kinds.forLanguage(language).map(kind -> kind.complete(typed, context.get())).orElse(true);
    }

    /** What the kind of {@code language} is still getting ready (see {@link CellKind#starting()}), or null. */
    public String starting(String language) {
        return kinds.forLanguage(language).map(CellKind::starting).orElse(null);
    }

    /** Where a sql cell runs, in words for prompts and advice: "crm_db", "session b on crm_lab_acid". */
    public String whereSqlRuns(CodeCell cell) {
        return context.get().sessions().describe(cell);
    }

    /** The database a sql cell runs in (crm_db, or the one its `database=` names). */
    public String databaseOf(CodeCell cell) {
        return context.get().sessions().databaseOf(cell);
    }

    /** Stops the running cell, if any (called from the Ctrl-C handler's thread). */
    public void cancel() {
        CellKind kind = current;
        if (kind != null) {
            kind.cancel();
        }
    }
}
