package workbook.checker.kinds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Reads a table's rows as PostgreSQL's JSON of them, optionally filtered by a condition from tasks.toml.
 * Answers are kept: an instance serves one look at a database the checks only read, where several checks
 * ask for the same rows (Bob's row, every row), so each distinct question costs one round trip at most
 * (none when {@link ReadAhead} has fetched it with the rest of what the task's checks read).
 */
public final class RowReader {
    private final Handle handle;
    private final Map<List<String>, List<Map<String, Object>>> read = new HashMap<>();
    private final Map<String, Long> counts = new HashMap<>();

    public RowReader(Handle handle) {
        this.handle = handle;
    }

    public List<Map<String, Object>> where(String table, String where) {
        List<String> question = Arrays.asList(table, where);
        List<Map<String, Object>> known = read.get(question);
        if (known == null) {
            known = parsed(handle.createQuery(select(table, where)).mapTo(String.class).list());
            read.put(question, known);
        }
        return known;
    }

    public long count(String table) {
        Long known = counts.get(table);
        if (known == null) {
            known = handle.createQuery(selectCount(table)).mapTo(Long.class).one();
            counts.put(table, known);
        }
        return known;
    }

    boolean knows(String table, String where) {
        return read.containsKey(Arrays.asList(table, where));
    }

    boolean knowsCount(String table) {
        return counts.containsKey(table);
    }

    /** Rows read ahead (by {@link ReadAhead}, with {@link #select}) become this instance's answer. */
    void know(String table, String where, List<String> json) {
        read.put(Arrays.asList(table, where), parsed(json));
    }

    void knowCount(String table, long count) {
        counts.put(table, count);
    }

    /** The query for the rows {@code where} picks (every row when it is null), each as one JSON text. */
    static String select(String table, String where) {
        return "SELECT to_jsonb(t)::text FROM " + relation(table) + " AS t" + (where == null ? "" : " WHERE " + where);
    }

    static String selectCount(String table) {
        return "SELECT count(*) FROM " + relation(table);
    }

    private static List<Map<String, Object>> parsed(List<String> json) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String row : json) {
            rows.add(Collections.unmodifiableMap(TableSnapshot.parse(row)));
        }
        return Collections.unmodifiableList(rows);
    }

    /**
     * The table as the workbook's queries name it: schema-qualified (public, unless tasks.toml names a schema
     * as in "crm.users"), so no search_path decides which relation is read.
     */
    public static String relation(String table) {
        int dot = table.indexOf('.');
        return dot < 0 ? "public." + quote(table) : quote(table.substring(0, dot)) + "." + quote(table.substring(dot + 1));
    }

    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
