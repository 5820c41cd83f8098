package workbook.checker.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line each key of a TOML file is written on, by JSON pointer ({@code /tasks/1/checks/0/kind}).
 * Jackson's TOML reader builds a tree without positions, so `validate` finds lines here to say
 * file:line. It reads only the shape tasks.toml uses: {@code [table]} and {@code [[array.of.tables]]}
 * headers, {@code key = value} lines, multi-line strings skipped; a place it cannot find gets the line of
 * the nearest enclosing one.
 */
final class TomlLines {
    private static final Pattern ARRAY_HEADER = Pattern.compile("\\[\\[\\s*([^\\]]+?)\\s*]]\\s*(#.*)?");
    private static final Pattern TABLE_HEADER = Pattern.compile("\\[\\s*([^\\]]+?)\\s*]\\s*(#.*)?");
    private static final Pattern KEY = Pattern.compile("([A-Za-z0-9_-]+(?:\\s*\\.\\s*[A-Za-z0-9_-]+)*|\"[^\"]*\")\\s*=(.*)");

    private final Map<String, Integer> lines = new HashMap<>();
    private final Map<String, Integer> arrayLengths = new HashMap<>();

    private TomlLines() {
    }

    static TomlLines of(String text) {
        TomlLines found = new TomlLines();
        String table = "";
        String openString = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (openString != null) {
                if (count(line, openString) % 2 == 1) {
                    openString = null;
                }
                continue;
            }
            Matcher array = ARRAY_HEADER.matcher(line);
            Matcher header = TABLE_HEADER.matcher(line);
            Matcher key = KEY.matcher(line);
            if (array.matches()) {
                String path = found.resolve(keys(array.group(1)));
                int index = found.arrayLengths.merge(path, 1, Integer::sum) - 1;
                table = path + "/" + index;
                found.lines.putIfAbsent(path, i + 1);
                found.lines.put(table, i + 1);
            } else if (header.matches()) {
                table = found.resolve(keys(header.group(1)));
                found.lines.putIfAbsent(table, i + 1);
            } else if (key.matches()) {
                found.lines.putIfAbsent(table + "/" + String.join("/", keys(key.group(1))), i + 1);
                for (String quotes : List.of("\"\"\"", "'''")) {
                    if (count(key.group(2), quotes) % 2 == 1) {
                        openString = quotes;
                    }
                }
            }
        }
        return found;
    }

    /** The line of {@code pointer}, else of the nearest place above it, else 1. */
    int lineOf(String pointer) {
        for (String at = pointer; !at.isEmpty(); at = at.substring(0, at.lastIndexOf('/'))) {
            Integer line = lines.get(at);
            if (line != null) {
                return line;
            }
        }
        return 1;
    }

    /** A dotted header's pointer, each array of tables it passes through at its latest element. */
    private String resolve(List<String> keys) {
        String path = "";
        for (int k = 0; k < keys.size(); k++) {
            path += "/" + keys.get(k);
            Integer length = arrayLengths.get(path);
            if (length != null && k < keys.size() - 1) {
                path += "/" + (length - 1);
            }
        }
        return path;
    }

    private static List<String> keys(String dotted) {
        List<String> keys = new ArrayList<>();
        for (String part : dotted.split("\\.")) {
            keys.add(part.strip().replaceAll("^\"|\"$", ""));
        }
        return keys;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
            n++;
        }
        return n;
    }
}
