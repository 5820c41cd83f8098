package workbook.terminal;

import workbook.sql.SqlStateNames;
import workbook.sql.StatementOutcome.Failed;

/**
 * PostgreSQL's error as psql shows it: {@code ERROR:  message}, the statement's line with a caret under the
 * error position ({@code LINE 2: ...}), DETAIL, HINT, CONTEXT, and the SQLSTATE with its condition name.
 */
public final class FailureReport {
    private static final String LINE_PREFIX = "LINE %d: ";

    private final boolean colour;
    private final int width;

    public FailureReport(boolean colour, int width) {
        this.colour = colour;
        this.width = width;
    }

    /**
     * @param statement the statement as sent (for the caret line), or null
     * @param context   PostgreSQL's CONTEXT (where in a function), or null
     */
    public String render(Failed failed, String statement, String context) {
        return render(failed, statement, context, 1, null);
    }

    /**
     * @param firstLine the statement's first line in its source, so LINE numbers match the file (psql counts from 1)
     * @param location  e.g. {@code 03-update-alice.sql:4:12}, put before ERROR like a compiler does; or null
     */
    public String render(Failed failed, String statement, String context, int firstLine, String location) {
        StringBuilder out = new StringBuilder();
        if (location != null) {
            out.append(location).append(": ");
        }
        out.append(style(Console.Style.RED, "ERROR:")).append("  ").append(DisplayText.printable(String.valueOf(failed.message())));
        if (statement != null && failed.position() > 0) {
            out.append('\n').append(caret(statement, failed.position(), firstLine));
        }
        field(out, "DETAIL", failed.detail());
        field(out, "HINT", failed.hint());
        field(out, "CONTEXT", context);
        if (failed.sqlState() != null) {
            String name = SqlStateNames.of(failed.sqlState());
            out.append('\n').append(style(Console.Style.DIM,
                    "SQLSTATE: " + failed.sqlState() + (name == null ? "" : " (" + name + ")")));
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
    String caret(String statement, int position, int firstLine) {
        int index = Math.min(statement.length(), statement.offsetByCodePoints(0,
                Math.min(position - 1, statement.codePointCount(0, statement.length()))));
        int lineStart = statement.lastIndexOf('\n', index - 1) + 1;
        int lineEnd = statement.indexOf('\n', index);
        if (lineEnd < 0) {
            lineEnd = statement.length();
        }
        int lineNumber = firstLine;
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
        return prefix + shown + '\n' + " ".repeat(caretColumn) + style(Console.Style.RED, "^");
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

    private String style(Console.Style style, String text) {
        return colour ? style.paint(text) : text;
    }
}
