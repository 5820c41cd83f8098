package workbook.checker.kinds;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Reads a table's rows as PostgreSQL's JSON of them, optionally filtered by a condition from tasks.toml.
 * Answers are kept: an instance serves one look at a database the checks only read, where several checks
 * ask for the same rows (Bob's row, every row), so each distinct question costs one round trip.
 */
public final class Rows {
    private final Handle handle;
    private final Map<List<String>, List<Map<String, Object>>> read = new HashMap<>();
    private final Map<String, Long> counts = new HashMap<>();

    public Rows(Handle handle) {
        this.handle = handle;
    }

    public List<Map<String, Object>> where(String table, String where) {
        List<String> question = java.util.Arrays.asList(table, where);
        List<Map<String, Object>> known = read.get(question);
        if (known == null) {
            String sql = "SELECT to_jsonb(t)::text FROM " + quote(table) + " AS t" + (where == null ? "" : " WHERE " + where);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String json : handle.createQuery(sql).mapTo(String.class).list()) {
                rows.add(Collections.unmodifiableMap(TableSnapshot.parse(json)));
            }
            known = Collections.unmodifiableList(rows);
            read.put(question, known);
        }
        return known;
    }

    public long count(String table) {
        Long known = counts.get(table);
        if (known == null) {
            known = handle.createQuery("SELECT count(*) FROM " + quote(table)).mapTo(Long.class).one();
            counts.put(table, known);
        }
        return known;
    }

    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
