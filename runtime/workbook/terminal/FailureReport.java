package workbook.terminal;

import java.util.ArrayList;
import java.util.List;
import workbook.sql.SqlStateNames;
import workbook.sql.StatementOutcome.Failed;
import workbook.sql.StatementRun;

/**
 * The one place a failed statement becomes text, in two forms. In a notebook, {@link #lines lines} as psql
 * shows them after {@code ERROR:}: the message, the statement's line with a caret under the error position
 * ({@code LINE 2: ...}), DETAIL, HINT, CONTEXT, and the SQLSTATE with its condition name. In a check's
 * feedback, {@link #compact compact}: one line naming file, line and column, DETAIL, HINT and a note below it.
 */
public final class FailureReport {
    private static final String LINE_PREFIX = "LINE %d: ";
    private static final String LABEL = "ERROR:";

    private final int width;

    /** @param width the columns the caret line may take; a longer line is cut around the caret */
    public FailureReport(int width) {
        this.width = width;
    }

    /**
     * The report without its {@code ERROR:} label, line by line: the message's first line, then the rest (the
     * caret, DETAIL, HINT, CONTEXT, SQLSTATE), for outputs that show a message and its details apart (a notebook's).
     */
    public List<String> lines(Failed failed, String statement, String context) {
        List<String> lines = new ArrayList<>(body(failed, statement, context).lines().toList());
        if (lines.isEmpty()) {
            return List.of(""); // an empty message and nothing else to say
        }
        lines.set(0, lines.get(0).replaceFirst("^\\s+", ""));
        return lines;
    }

    /**
     * A failed statement in a check's feedback, as students and the pinned submissions read it:
     * {@code exercises/lesson3/03-update-alice.sql:4:12: ERROR: message (42703 undefined_column)}, then DETAIL,
     * HINT and the lesson's note on that error, each on its own indented line.
     *
     * @param fileName how the file is named to the student, e.g. {@code exercises/lesson3/03-update-alice.sql}
     * @param note     the lesson's explanation of this error, or null
     */
    public static String compact(StatementRun run, String fileName, String note) {
        Failed failed = (Failed) run.outcome();
        StringBuilder text = new StringBuilder(run.location(fileName)).append(": ").append(LABEL).append(' ').append(failed.message());
        if (failed.sqlState() != null) {
            String name = SqlStateNames.of(failed.sqlState());
            text.append(" (").append(failed.sqlState()).append(name == null ? "" : " " + name).append(')');
        }
        if (failed.detail() != null) {
            text.append("\n  DETAIL: ").append(failed.detail());
        }
        if (failed.hint() != null) {
            text.append("\n  HINT: ").append(failed.hint());
        }
        if (note != null) {
            text.append("\n  ").append(note);
        }
        return text.toString();
    }

    /** Everything after {@code ERROR:  }: the message made printable, then one line per field the server sent. */
    private String body(Failed failed, String statement, String context) {
        StringBuilder out = new StringBuilder(DisplayText.printable(String.valueOf(failed.message())));
        if (statement != null && failed.position() > 0) {
            out.append('\n').append(caret(statement, failed.position()));
        }
        field(out, "DETAIL", failed.detail());
        field(out, "HINT", failed.hint());
        field(out, "CONTEXT", context);
        if (failed.sqlState() != null) {
            String name = SqlStateNames.of(failed.sqlState());
            out.append('\n').append("SQLSTATE: ").append(failed.sqlState()).append(name == null ? "" : " (" + name + ")");
        }
        return out.toString();
    }

    private void field(StringBuilder out, String label, String value) {
        if (value != null && !value.isBlank()) {
            out.append('\n').append(label).append(":  ").append(DisplayText.printable(value)); // values in DETAIL are the learner's data
        }
    }

    /**
     * Two lines: the statement's line holding the position, then a caret under it. Tabs and control
     * characters are shown as in a table; a line wider than the terminal is cut around the caret.
     */
    private String caret(String statement, int position) {
        int index = Math.min(statement.length(), statement.offsetByCodePoints(0,
                Math.min(position - 1, statement.codePointCount(0, statement.length()))));
        int lineStart = statement.lastIndexOf('\n', index - 1) + 1;
        int lineEnd = statement.indexOf('\n', index);
        if (lineEnd < 0) {
            lineEnd = statement.length();
        }
        int lineNumber = 1; // psql counts a statement's lines from 1
        for (int i = 0; i < lineStart; i++) {
            if (statement.charAt(i) == '\n') {
                lineNumber++;
            }
        }
        String before = DisplayText.oneLine(statement.substring(lineStart, index));
        String after = DisplayText.oneLine(statement.substring(index, lineEnd));
        String prefix = String.format(LINE_PREFIX, lineNumber);
        int room = Math.max(20, width - prefix.length());
        if (DisplayText.width(before) > room / 2 && DisplayText.width(before) + DisplayText.width(after) > room) {
            before = DisplayText.ELLIPSIS + tail(before, room / 2 - 1);
        }
        String shown = DisplayText.cut(before + after, room);
        int caretColumn = prefix.length() + DisplayText.width(before);
        return prefix + shown + '\n' + " ".repeat(caretColumn) + "^";
    }

    /** The last {@code columns} columns of {@code text}. */
    private static String tail(String text, int columns) {
        int used = 0;
        int i = text.length();
        while (i > 0) {
            int cp = text.codePointBefore(i);
            int w = DisplayText.width(new String(Character.toChars(cp)));
            if (used + w > columns) {
                break;
            }
            used += w;
            i -= Character.charCount(cp);
        }
        return text.substring(i);
    }
}
