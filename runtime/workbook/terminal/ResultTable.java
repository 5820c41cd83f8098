package workbook.terminal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import workbook.sql.StatementOutcome.Rows;

/**
 * Rows as psql's aligned table: centred header, a separator, numbers right-aligned, NULL shown as such
 * (dimmed when colour is on), values cut with … so the table fits the width, and a row-count footer.
 * A few rows too wide for the terminal are shown one record per block instead, like psql's {@code \x auto}
 * (see {@link ExpandedTable}). Returns a string and prints nothing, so the notebook can also export it.
 */
public final class ResultTable {
    /** Types psql right-aligns. */
    private static final Set<String> NUMERIC = Set.of("int2", "int4", "int8", "float4", "float8", "numeric",
            "oid", "money", "serial", "bigserial", "smallserial", "xid", "cid");
    public static final String NULL = "NULL";
    /** A column is never cut narrower than this (or its natural width, if smaller). */
    private static final int MIN_COLUMN = 6;

    /** Up to this many rows, a table too wide for the terminal is shown expanded; more rows stay a (cut) table. */
    public static final int EXPANDED_MAX_ROWS = 10;

    /** TABLE always cuts values to fit; EXPANDED always shows records; AUTO picks as psql's {@code \x auto} does. */
    public enum Layout { AUTO, TABLE, EXPANDED }

    private final boolean colour;
    private final int width;
    private final Layout layout;

    public ResultTable(boolean colour, int width) {
        this(colour, width, Layout.AUTO);
    }

    public ResultTable(boolean colour, int width, Layout layout) {
        this.colour = colour;
        this.width = width;
        this.layout = layout;
    }

    public String render(Rows result) {
        int n = result.columns().size();
        List<String> headers = result.columns().stream().map(DisplayText::oneLine).toList();
        List<List<String>> cells = new ArrayList<>();
        for (List<String> row : result.rows()) {
            cells.add(row.stream().map(v -> v == null ? null : DisplayText.oneLine(v)).toList());
        }
        int[] natural = naturalWidths(headers, cells);
        if (expand(natural, result)) {
            return new ExpandedTable(colour, width).render(headers, cells) + footer(result) + textNullNote(result);
        }
        int[] widths = fit(natural);
        StringBuilder out = new StringBuilder();
        List<String> headerLine = new ArrayList<>();
        List<String> separator = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            headerLine.add(centre(DisplayText.cut(headers.get(c), widths[c]), widths[c]));
            separator.add("-".repeat(widths[c] + 2));
        }
        if (n > 0) {
            out.append(line(headerLine)).append('\n');
        }
        out.append(n == 0 ? "--" : String.join("+", separator)).append('\n');
        for (List<String> row : n == 0 ? List.<List<String>>of() : cells) { // SELECT; has rows but nothing to show in them
            List<String> shown = new ArrayList<>(n);
            for (int c = 0; c < n; c++) {
                shown.add(cell(row.get(c), widths[c], isNumeric(result, c), c == n - 1));
            }
            out.append(line(shown)).append('\n');
        }
        out.append(footer(result)).append(textNullNote(result));
        return out.toString();
    }

    private boolean expand(int[] natural, Rows result) {
        if (layout != Layout.AUTO) {
            return layout == Layout.EXPANDED && natural.length > 0 && !result.rows().isEmpty();
        }
        int total = 2 + 3 * Math.max(0, natural.length - 1);
        for (int w : natural) {
            total += w;
        }
        return total > width && natural.length > 1 && !result.rows().isEmpty() && result.rows().size() <= EXPANDED_MAX_ROWS;
    }

    /**
     * A text value spelled NULL prints like a NULL (the classic {@code VALUES ('NULL')} slip): name the columns
     * holding such text, so the difference shows even without colour.
     */
    static String textNullNote(Rows result) {
        Set<String> columns = new LinkedHashSet<>();
        for (List<String> row : result.rows()) {
            for (int c = 0; c < row.size(); c++) {
                if (row.get(c) != null && row.get(c).equalsIgnoreCase(NULL)) {
                    columns.add(DisplayText.oneLine(result.columns().get(c)));
                }
            }
        }
        if (columns.isEmpty()) {
            return "";
        }
        return "\nnote: " + String.join(", ", columns) + (columns.size() == 1 ? " holds" : " hold")
                + " the text 'NULL', which is a string, not a SQL NULL";
    }

    /** The footer psql prints, or how many of how many rows are shown. */
    public static String footer(Rows result) {
        if (result.truncated()) {
            String total = result.countIsLowerBound() ? "more than " + result.totalRows() : String.valueOf(result.totalRows());
            return "(showing " + result.rows().size() + " of " + total + " rows)";
        }
        return result.totalRows() == 1 ? "(1 row)" : "(" + result.totalRows() + " rows)";
    }

    private String cell(String value, int columns, boolean right, boolean last) {
        if (value == null) {
            String nul = right ? DisplayText.pad(NULL, columns, true) : last ? NULL : DisplayText.pad(NULL, columns, false);
            return colour ? nul.replace(NULL, dimNull()) : nul;
        }
        String cut = DisplayText.cut(value, columns);
        return last && !right ? cut : DisplayText.pad(cut, columns, right);
    }

    static String dimNull() {
        return Console.Style.DIM.paint(NULL);
    }

    /** psql's layout: a space, the cells joined by " | ", no trailing spaces. */
    private static String line(List<String> cells) {
        String joined = " " + String.join(" | ", cells);
        return joined.stripTrailing();
    }

    private static String centre(String text, int columns) {
        int gap = Math.max(0, columns - DisplayText.width(text));
        return " ".repeat(gap / 2) + text + " ".repeat(gap - gap / 2);
    }

    private static int[] naturalWidths(List<String> headers, List<List<String>> cells) {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = DisplayText.width(headers.get(c));
        }
        for (List<String> row : cells) {
            for (int c = 0; c < widths.length; c++) {
                String v = row.get(c);
                widths[c] = Math.max(widths[c], v == null ? NULL.length() : DisplayText.width(v));
            }
        }
        return widths;
    }

    /** Narrows the widest columns, one column at a time, until the table fits the width (or cannot shrink further). */
    private int[] fit(int[] widths) {
        int overhead = 2 + 3 * Math.max(0, widths.length - 1); // " " before, " | " between, " " after (separator line)
        for (int c = 0; c < widths.length; c++) {
            widths[c] = Math.min(widths[c], Math.max(MIN_COLUMN, width - overhead));
        }
        int total = overhead;
        for (int w : widths) {
            total += w;
        }
        while (total > width) {
            int widest = 0;
            for (int c = 1; c < widths.length; c++) {
                if (widths[c] > widths[widest]) {
                    widest = c;
                }
            }
            if (widths.length == 0 || widths[widest] <= MIN_COLUMN) {
                break;
            }
            widths[widest]--;
            total--;
        }
        return widths;
    }

    private static boolean isNumeric(Rows result, int column) {
        return column < result.columnTypes().size() && NUMERIC.contains(result.columnTypes().get(column));
    }
}
