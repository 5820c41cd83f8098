package workbook.jshell;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.UnresolvedReferenceException;
import workbook.sql.ExceptionText;

/**
 * Words a failed snippet for a learner: javac's message with the cell's line and a caret, or an exception's
 * class and message, its root cause, and only the frames of the learner's own code ("line 3 of this cell"),
 * never the workbook's or the libraries' stack.
 */
final class FailureText {
    /** Frames of learner code shown at most; deep recursion is not worth a screenful. */
    private static final int MAX_FRAMES = 6;
    /** Lines of an exception message kept; Jdbi's messages repeat the whole statement and its arguments. */
    private static final int MAX_MESSAGE_LINES = 6;

    /** Where earlier snippets' lines sit: id -> first line in its cell, and whether it is in the current cell. */
    record SnippetLines(Map<String, Integer> firstLineInCell, java.util.Set<String> inThisCell) {
    }

    private FailureText() {
    }

    /** The first error javac reported (later ones are usually its consequences), placed in the cell. */
    static Located compileError(JShell shell, Snippet snippet, String cell, int snippetOffset) {
        List<Diag> errors = shell.diagnostics(snippet).filter(Diag::isError).toList();
        if (errors.isEmpty()) {
            CellPosition where = CellPosition.at(cell, snippetOffset);
            return new Located("error: line " + where.line() + ": this is not a Java statement, declaration or expression JShell accepts\n"
                    + where.pointer(), where.line());
        }
        Diag first = errors.get(0);
        long pos = first.getPosition() == Diag.NOPOS ? first.getStartPosition() : first.getPosition();
        CellPosition where = CellPosition.at(cell, snippetOffset + (int) Math.max(0, pos));
        String message = first.getMessage(Locale.ROOT).lines()
                .filter(line -> !line.strip().equals("location: class")) // the hidden wrapper class means nothing to a learner
                .collect(Collectors.joining("\n"));
        StringBuilder text = new StringBuilder("error: line " + where.line() + ": " + message + "\n" + where.pointer());
        if (errors.size() > 1) {
            text.append("\n(").append(errors.size() - 1).append(" more error").append(errors.size() > 2 ? "s" : "")
                    .append(" in this snippet; fix the first one, then run the cell again)");
        }
        return new Located(text.toString(), where.line());
    }

    /** A declaration that names something no snippet declares (yet). */
    static String unresolved(JShell shell, DeclarationSnippet snippet) {
        List<String> missing = shell.unresolvedDependencies(snippet).toList();
        return "error: " + describe(snippet) + " refers to " + String.join(", ", missing)
                + ", which is not declared; declare " + (missing.size() == 1 ? "it" : "them") + " (or fix the name), then run the cell again";
    }

    /** An exception thrown by a snippet: live throwable when the engine kept it, else JShell's copy. */
    static Located exception(JShell shell, JShellException thrown, Throwable live, SnippetLines lines) {
        if (thrown instanceof UnresolvedReferenceException unresolved) {
            List<String> missing = shell.unresolvedDependencies(unresolved.getSnippet()).toList();
            String text = "error: " + describe(unresolved.getSnippet()) + " cannot run yet: it refers to "
                    + (missing.isEmpty() ? "something" : String.join(", ", missing)) + ", which is not declared";
            return new Located(text + frames(thrown.getStackTrace(), lines), firstLine(thrown.getStackTrace(), lines));
        }
        String className = thrown instanceof EvalException eval ? eval.getExceptionClassName() : thrown.getClass().getName();
        StringBuilder text = new StringBuilder("Exception ")
                .append(headline(className, live != null ? live.getMessage() : thrown.getMessage()));
        text.append(frames(thrown.getStackTrace(), lines));
        if (live != null) {
            Throwable root = ExceptionText.rootCause(live);
            if (root != live) {
                text.append("\nCaused by: ").append(headline(root.getClass().getName(), root.getMessage()));
            }
            if (root instanceof SQLException sql && sql.getSQLState() != null) {
                text.append("\n  SQLSTATE ").append(sql.getSQLState());
            }
        }
        return new Located(text.toString(), firstLine(thrown.getStackTrace(), lines));
    }

    /** A message, and the line it points at (0 if none). */
    record Located(String text, int line) {
    }

    /** As JShell words it: "record User", "interface UserDao", "method total()", "variable dao". */
    static String describe(Snippet snippet) {
        String kind = switch (snippet.subKind()) {
            case CLASS_SUBKIND -> "class";
            case INTERFACE_SUBKIND -> "interface";
            case ENUM_SUBKIND -> "enum";
            case ANNOTATION_TYPE_SUBKIND -> "annotation";
            case RECORD_SUBKIND -> "record";
            case METHOD_SUBKIND -> "method";
            default -> snippet.kind() == Snippet.Kind.VAR ? "variable" : "snippet";
        };
        String name = snippet instanceof DeclarationSnippet d ? d.name() : snippet.source().strip();
        return kind + " " + name + (snippet.kind() == Snippet.Kind.METHOD ? "()" : "");
    }

    private static String headline(String className, String message) {
        className = ValueDisplay.expunge(className);
        if (message == null || message.isBlank()) {
            return className;
        }
        List<String> lines = ValueDisplay.expunge(message).strip().lines().toList();
        String kept = String.join("\n  ", lines.subList(0, Math.min(lines.size(), MAX_MESSAGE_LINES)));
        return className + ": " + kept + (lines.size() > MAX_MESSAGE_LINES ? "\n  ..." : "");
    }

    /** Only frames in snippets (JShell names their file "#id"), worded by cell and line. */
    private static String frames(StackTraceElement[] stack, SnippetLines lines) {
        List<String> shown = new ArrayList<>();
        for (StackTraceElement frame : stack) {
            String id = snippetId(frame);
            if (id == null) {
                continue;
            }
            if (shown.size() == MAX_FRAMES) {
                shown.add("...");
                break;
            }
            String method = frame.getMethodName().isEmpty() ? "" : frame.getMethodName() + "(), ";
            Integer first = lines.firstLineInCell().get(id);
            String place = first == null
                    ? "snippet #" + id + " line " + frame.getLineNumber()
                    : "line " + (first + frame.getLineNumber() - 1) + (lines.inThisCell().contains(id) ? " of this cell" : " of an earlier cell");
            shown.add("    at " + method + place);
        }
        return shown.isEmpty() ? "" : "\n" + String.join("\n", shown);
    }

    private static int firstLine(StackTraceElement[] stack, SnippetLines lines) {
        for (StackTraceElement frame : stack) {
            String id = snippetId(frame);
            if (id != null && lines.inThisCell().contains(id) && lines.firstLineInCell().containsKey(id)) {
                return lines.firstLineInCell().get(id) + frame.getLineNumber() - 1;
            }
        }
        return 0;
    }

    private static String snippetId(StackTraceElement frame) {
        String file = frame.getFileName();
        return file != null && file.startsWith("#") ? file.substring(1) : null;
    }
}
