package workbook.jshell;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.Snippet.Status;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;
import workbook.jshell.JavaCellResult.Ending;

/**
 * Evaluates one cell snippet by snippet, stopping at the first that fails, and gathers its result: the
 * value of the last snippet if that is an expression, what the cell declared, or the failure worded.
 */
final class JavaCellEvaluation {
    private final JShell shell;
    private final CapturingExecutionControl control;
    private final String cell;
    private final Map<String, Integer> snippetFirstLine;
    private final BooleanSupplier stopRequested;
    private final Set<String> inThisCell = new HashSet<>();
    private final List<Snippet> cellSnippets = new ArrayList<>();
    private final List<String> declared = new ArrayList<>();
    private final List<String> updates = new ArrayList<>();

    JavaCellEvaluation(JShell shell, CapturingExecutionControl control, String cell, Map<String, Integer> snippetFirstLine,
            BooleanSupplier stopRequested) {
        this.shell = shell;
        this.control = control;
        this.cell = cell;
        this.snippetFirstLine = snippetFirstLine;
        this.stopRequested = stopRequested;
    }

    JavaCellResult run(OutputCapture.Sink sink, long startNanos) {
        VarSnippet holder = null;
        for (CellSplitter.Piece piece : CellSplitter.split(shell.sourceCodeAnalysis(), cell)) {
            control.reset();
            List<SnippetEvent> events = shell.eval(piece.source());
            List<SnippetEvent> own = events.stream().filter(e -> e.causeSnippet() == null).toList();
            int firstLine = CellPosition.at(cell, piece.offset()).line();
            for (SnippetEvent event : own) {
                snippetFirstLine.put(event.snippet().id(), firstLine);
                inThisCell.add(event.snippet().id());
                cellSnippets.add(event.snippet());
            }
            if (stopRequested.getAsBoolean() || control.stopped()) {
                return result(Ending.STOPPED, sink, null, null, "Stopped at line " + firstLine + " of this cell.", firstLine, startNanos);
            }
            for (SnippetEvent event : own) {
                if (event.status() == Status.REJECTED) {
                    FailureText.Located failure = FailureText.compileError(shell, event.snippet(), cell, piece.offset());
                    return result(Ending.COMPILE_ERROR, sink, null, null, failure.text(), failure.line(), startNanos);
                }
                if (event.exception() != null) {
                    FailureText.Located failure = FailureText.exception(shell, event.exception(), control.lastThrown(),
                            new FailureText.SnippetLines(snippetFirstLine, inThisCell));
                    Ending ending = event.exception() instanceof jdk.jshell.UnresolvedReferenceException ? Ending.UNRESOLVED : Ending.EXCEPTION;
                    return result(ending, sink, null, null, failure.text(), failure.line(), startNanos);
                }
                noteDeclaration(event, events);
            }
            noteDependents(events);
            // only the last snippet's value shows, as in Jupyter
            holder = own.isEmpty() ? null : valueHolder(own.get(own.size() - 1).snippet());
        }
        for (Snippet snippet : cellSnippets) {
            Status status = shell.status(snippet);
            if ((status == Status.RECOVERABLE_DEFINED || status == Status.RECOVERABLE_NOT_DEFINED)
                    && snippet instanceof DeclarationSnippet declaration) {
                int line = snippetFirstLine.getOrDefault(snippet.id(), 0);
                return result(Ending.UNRESOLVED, sink, null, null, FailureText.unresolved(shell, declaration), line, startNanos);
            }
        }
        return holder == null
                ? result(Ending.OK, sink, null, null, null, 0, startNanos)
                : result(Ending.OK, sink, display(holder), holder.name(), null, 0, startNanos);
    }

    /** The variable whose value a notebook shows: an expression's temporary ($3), or a variable named alone. */
    private VarSnippet valueHolder(Snippet last) {
        if (last instanceof VarSnippet var && var.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            return var;
        }
        if (last instanceof ExpressionSnippet expression && expression.subKind() == Snippet.SubKind.VAR_VALUE_SUBKIND) {
            return shell.variables().filter(v -> v.name().equals(expression.name())).reduce((a, b) -> b).orElse(null);
        }
        return null;
    }

    private String display(VarSnippet holder) {
        control.reset();
        String jshellText = shell.varValue(holder);
        Object live = control.lastValue();
        return live != null ? ValueDisplay.display(live) : unquote(jshellText);
    }

    private static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }

    private void noteDeclaration(SnippetEvent event, List<SnippetEvent> events) {
        if (!(event.snippet() instanceof DeclarationSnippet declaration) || !event.status().isDefined()
                || declaration.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            return;
        }
        // a redefinition is a new snippet whose evaluation overwrote the old one
        boolean replaced = events.stream().anyMatch(e -> e.causeSnippet() == declaration && e.status() == Status.OVERWRITTEN);
        declared.add((replaced ? "replaced " : "") + FailureText.describe(declaration));
    }

    /**
     * JShell recompiles what depends on a redefined type; say what that cost, as the jshell tool does:
     * a variable whose type changed is reset to null, a declaration that no longer compiles is unusable.
     */
    private void noteDependents(List<SnippetEvent> events) {
        for (SnippetEvent event : events) {
            Snippet dependent = event.snippet();
            if (event.causeSnippet() == null || event.status() == Status.OVERWRITTEN || inThisCell.contains(dependent.id())) {
                continue;
            }
            if (dependent instanceof VarSnippet && event.status().isDefined() && event.isSignatureChange()) {
                updates.add(FailureText.describe(dependent) + " reset to null: its type changed, run its cell again");
            } else if (!event.status().isDefined() && event.previousStatus().isDefined()) {
                updates.add(FailureText.describe(dependent) + " no longer compiles after this change");
            }
        }
    }

    private JavaCellResult result(Ending ending, OutputCapture.Sink sink, String value, String valueName, String error,
                                  int errorLine, long startNanos) {
        System.out.flush();
        System.err.flush();
        return new JavaCellResult(ending, sink.text(), value, valueName, error, errorLine, List.copyOf(declared),
                Duration.ofNanos(System.nanoTime() - startNanos), List.copyOf(updates));
    }
}
