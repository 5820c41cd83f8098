package workbook.terminal;

import java.util.List;

/**
 * Rows as psql's expanded display ({@code \x}): one block per record, a column name and its value per line,
 * for results too wide to read as a table (a users row with a UUID, an e-mail, a hash and two timestamps).
 */
final class ExpandedTable {
    private final boolean colour;
    private final int width;

    ExpandedTable(boolean colour, int width) {
        this.colour = colour;
        this.width = width;
    }

    /** {@code headers} and {@code cells} already made {@link DisplayText#oneLine safe}; ends with a newline. */
    String render(List<String> headers, List<List<String>> cells) {
        int labelWidth = 0;
        for (String header : headers) {
            labelWidth = Math.max(labelWidth, DisplayText.width(header));
        }
        labelWidth = Math.min(labelWidth, Math.max(8, width / 3));
        int valueWidth = Math.max(10, width - labelWidth - 3);
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            out.append(recordHeader(r + 1, labelWidth, valueWidth, cells.get(r))).append('\n');
            for (int c = 0; c < headers.size(); c++) {
                String value = cells.get(r).get(c);
                String label = DisplayText.pad(DisplayText.cut(headers.get(c), labelWidth), labelWidth, false);
                String shown = value == null ? (colour ? ResultTable.dimNull() : ResultTable.NULL) : DisplayText.cut(value, valueWidth);
                out.append(label).append(" | ").append(shown).append('\n');
            }
        }
        return out.toString();
    }

    /** {@code -[ RECORD 1 ]-+------}: the + sits above the column bar, as in psql, when the title leaves room. */
    private static String recordHeader(int number, int labelWidth, int valueWidth, List<String> row) {
        int longest = 0;
        for (String value : row) {
            longest = Math.max(longest, value == null ? ResultTable.NULL.length() : DisplayText.width(value));
        }
        int right = Math.min(valueWidth, longest) + 1;
        String title = "-[ RECORD " + number + " ]";
        if (title.length() <= labelWidth + 1) {
            return title + "-".repeat(labelWidth + 1 - title.length()) + "+" + "-".repeat(right);
        }
        return title + "-".repeat(Math.max(0, labelWidth + 2 + right - title.length()));
    }
}
