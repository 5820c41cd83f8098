package workbook.checker.kinds;

import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Reads a table's rows as PostgreSQL's JSON of them, optionally filtered by a condition from tasks.toml. */
public final class Rows {
    private final Handle handle;

    public Rows(Handle handle) {
        this.handle = handle;
    }

    public List<Map<String, Object>> where(String table, String where) {
        String sql = "SELECT to_jsonb(t)::text FROM " + quote(table) + " AS t" + (where == null ? "" : " WHERE " + where);
        return handle.createQuery(sql).mapTo(String.class).map(TableSnapshot::parse).list();
    }

    public long count(String table) {
        return handle.createQuery("SELECT count(*) FROM " + quote(table)).mapTo(Long.class).one();
    }

    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
