package workbook.notebook;

import java.util.ArrayList;
import java.util.List;
import workbook.jshell.JavaCellResult;
import workbook.jshell.JavaSession;
import workbook.notebook.CellOutput.Outcome;
import workbook.terminal.BarChart;

/**
 * Runs java cells in the notebook's one JShell (the jshell part's {@link JavaSession}), with {@code jdbi}
 * and {@code handle} bound to crm_db; what one cell defines, the next can use.
 */
public final class JavaCellKind implements CellKind {
    private volatile JavaSession session;

    @Override
    public String language() {
        return "java";
    }

    /** Starts JShell in the background while the learner reads the prose before the first java cell. */
    @Override
    public void prepare(NotebookContext context) {
        session(context);
    }

    @Override
    public String starting() {
        JavaSession current = session;
        return current == null || !current.started() ? "Starting Java (JShell) for the java cells" : null;
    }

    @Override
    public CellOutput run(CodeCell cell, NotebookContext context) {
        BarChart.takeRendered(); // charts of an earlier cell or the repl are not this cell's
        JavaCellResult result = session(context).run(cell.source());
        List<Output> outputs = new ArrayList<>();
        if (!result.output().isEmpty()) {
            outputs.add(new Output.Printed(result.output()));
        }
        for (BarChart chart : BarChart.takeRendered()) {
            outputs.add(new Output.Chart(chart.title(), chart.svg()));
        }
        for (String declared : result.declared()) {
            // JShell's own words, so a learner who later opens `./jbang repl` recognises them
            outputs.add(new Output.Declared("|  " + (declared.startsWith("replaced ") ? declared : "created " + declared)));
        }
        if (result.value() != null) {
            outputs.add(Output.Result.plain(result.value()));
        }
        return switch (result.ending()) {
            case OK -> new CellOutput(Outcome.OK, outputs);
            case STOPPED -> {
                outputs.add(new Output.Note("Stopped: the cell was interrupted."));
                yield new CellOutput(Outcome.CANCELLED, outputs);
            }
            default -> {
                List<String> lines = result.error() == null ? List.of(result.ending().toString())
                        : result.error().lines().toList();
                outputs.add(new Output.Error(errorName(result.ending()), lines.get(0), lines.subList(1, lines.size())));
                yield new CellOutput(Outcome.FAILED, outputs);
            }
        };
    }

    /** As JShell: a snippet runs once its completeness analysis says it is whole. */
    @Override
    public boolean complete(String typed, NotebookContext context) {
        return session(context).complete(typed);
    }

    private static String errorName(JavaCellResult.Ending ending) {
        return switch (ending) {
            case COMPILE_ERROR -> "CompileError";
            case UNRESOLVED -> "UnresolvedReference";
            default -> "Exception";
        };
    }

    private synchronized JavaSession session(NotebookContext context) {
        if (session == null) {
            session = JavaSession.open(context.database().connection());
        }
        return session;
    }

    @Override
    public void cancel() {
        JavaSession running = session;
        if (running != null) {
            running.stop();
        }
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
    }
}
