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
import workbook.jshell.JavaCellResult.Outcome;

/**
 * Evaluates one cell snippet by snippet, stopping at the first that fails, and gathers its result: the
 * value of the last snippet if that is an expression, what the cell declared, or the failure worded.
 */
final class CellRun {
    private final JShell shell;
    private final CapturingExecutionControl control;
    private final String cell;
    private final Map<String, Integer> snippetFirstLine;
    private final BooleanSupplier stopRequested;
    private final Set<String> inThisCell = new HashSet<>();
    private final List<Snippet> cellSnippets = new ArrayList<>();
    private final List<String> declared = new ArrayList<>();

    CellRun(JShell shell, CapturingExecutionControl control, String cell, Map<String, Integer> snippetFirstLine,
            BooleanSupplier stopRequested) {
        this.shell = shell;
        this.control = control;
        this.cell = cell;
        this.snippetFirstLine = snippetFirstLine;
        this.stopRequested = stopRequested;
    }

    JavaCellResult run(OutputCapture.Sink sink, long startNanos) {
        String value = null;
        String valueName = null;
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
                return result(Outcome.STOPPED, sink, null, null, "Stopped at line " + firstLine + " of this cell.", firstLine, startNanos);
            }
            for (SnippetEvent event : own) {
                if (event.status() == Status.REJECTED) {
                    FailureText.Located failure = FailureText.compileError(shell, event.snippet(), cell, piece.offset());
                    return result(Outcome.COMPILE_ERROR, sink, null, null, failure.text(), failure.line(), startNanos);
                }
                if (event.exception() != null) {
                    FailureText.Located failure = FailureText.exception(shell, event.exception(), control.lastThrown(),
                            new FailureText.SnippetLines(snippetFirstLine, inThisCell));
                    Outcome outcome = event.exception() instanceof jdk.jshell.UnresolvedReferenceException ? Outcome.UNRESOLVED : Outcome.EXCEPTION;
                    return result(outcome, sink, null, null, failure.text(), failure.line(), startNanos);
                }
                noteDeclaration(event, events);
            }
            value = null;
            valueName = null;
            VarSnippet holder = own.isEmpty() ? null : valueHolder(own.get(own.size() - 1).snippet());
            if (holder != null) {
                value = display(holder);
                valueName = holder.name();
            }
        }
        for (Snippet snippet : cellSnippets) {
            Status status = shell.status(snippet);
            if ((status == Status.RECOVERABLE_DEFINED || status == Status.RECOVERABLE_NOT_DEFINED)
                    && snippet instanceof DeclarationSnippet declaration) {
                int line = snippetFirstLine.getOrDefault(snippet.id(), 0);
                return result(Outcome.UNRESOLVED, sink, null, null, FailureText.unresolved(shell, declaration), line, startNanos);
            }
        }
        return result(Outcome.OK, sink, value, valueName, null, 0, startNanos);
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
        return live != null ? ValueDisplay.show(live) : unquote(jshellText);
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

    private JavaCellResult result(Outcome outcome, OutputCapture.Sink sink, String value, String valueName, String error,
                                  int errorLine, long startNanos) {
        System.out.flush();
        System.err.flush();
        return new JavaCellResult(outcome, sink.text(), value, valueName, error, errorLine, List.copyOf(declared),
                Duration.ofNanos(System.nanoTime() - startNanos));
    }
}
