package workbook.jshell;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the value of a cell's last expression into the text a notebook shows, as Jupyter's Java kernels do
 * (the value's own {@code toString}, strings unquoted, arrays spelled out), except that a collection, map or
 * array too long for one line is shown one element per line, so a list of records reads like rows.
 */
final class ValueDisplay {
    /** Beyond this width a collection is broken into one element per line. */
    static final int LINE_WIDTH = 100;
    /** A long list shows this many elements, then how many more there are. */
    static final int MAX_ELEMENTS = 50;

    private ValueDisplay() {
    }

    static String show(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return s.isEmpty() ? "\"\"" : s;
        }
        if (value instanceof Collection<?> c) {
            return sequence(c.size(), new ArrayList<>(c.stream().limit(MAX_ELEMENTS).map(ValueDisplay::element).toList()), "[", "]");
        }
        if (value instanceof Map<?, ?> m) {
            List<String> entries = m.entrySet().stream().limit(MAX_ELEMENTS)
                    .map(e -> element(e.getKey()) + "=" + element(e.getValue())).toList();
            return sequence(m.size(), entries, "{", "}");
        }
        if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Math.min(length, MAX_ELEMENTS); i++) {
                items.add(element(Array.get(value, i)));
            }
            return sequence(length, items, "[", "]");
        }
        if (value instanceof Optional<?> o) {
            return o.map(inner -> "Optional[" + element(inner) + "]").orElse("Optional.empty");
        }
        return String.valueOf(value);
    }

    /** Elements as the collection's own toString shows them (as JShell does), arrays spelled out. */
    private static String element(Object value) {
        if (value != null && value.getClass().isArray()) {
            return show(value);
        }
        return String.valueOf(value);
    }

    private static String sequence(int size, List<String> items, String open, String close) {
        String more = size > items.size() ? "... " + (size - items.size()) + " more" : null;
        String oneLine = open + String.join(", ", items) + (more == null ? "" : ", " + more) + close;
        if (oneLine.length() <= LINE_WIDTH && !oneLine.contains("\n")) {
            return oneLine;
        }
        List<String> lines = new ArrayList<>(items);
        if (more != null) {
            lines.add(more);
        }
        return open + String.join(",\n ", lines) + close;
    }
}
