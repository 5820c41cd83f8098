package workbook.checker.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import workbook.checker.task.TaskSet;

/**
 * What `check --apply` compares to tell whether crm_db is where the assignment starts: every table, column
 * (type, NOT NULL, default), constraint, index, function and trigger in schema public, and the rows of the
 * assignment's table by their label (an email), read through one pinned catalog query, so the admin runs
 * nothing a learner planted. Owners are left out: the reference states belong to the sandbox's role.
 */
final class DatabaseShape {
    private static final String CATALOG = """
            SELECT 'table ' OPERATOR(pg_catalog.||) c.relname AS what, c.relkind::pg_catalog.text AS how
              FROM pg_catalog.pg_class AS c
             WHERE c.relnamespace OPERATOR(pg_catalog.=) 'public'::pg_catalog.regnamespace
               AND c.relkind OPERATOR(pg_catalog.=) ANY (ARRAY['r', 'p', 'v', 'm', 'f', 'S']::pg_catalog."char"[])
            UNION ALL
            SELECT 'column ' OPERATOR(pg_catalog.||) c.relname OPERATOR(pg_catalog.||) '.' OPERATOR(pg_catalog.||) a.attname,
                   pg_catalog.concat_ws(' ', pg_catalog.format_type(a.atttypid, a.atttypmod),
                       CASE WHEN a.attnotnull THEN 'NOT NULL' END,
                       'DEFAULT ' OPERATOR(pg_catalog.||) pg_catalog.pg_get_expr(d.adbin, d.adrelid))
              FROM pg_catalog.pg_attribute AS a
              JOIN pg_catalog.pg_class AS c ON c.oid OPERATOR(pg_catalog.=) a.attrelid
              LEFT JOIN pg_catalog.pg_attrdef AS d ON d.adrelid OPERATOR(pg_catalog.=) a.attrelid AND d.adnum OPERATOR(pg_catalog.=) a.attnum
             WHERE c.relnamespace OPERATOR(pg_catalog.=) 'public'::pg_catalog.regnamespace
               AND c.relkind OPERATOR(pg_catalog.=) ANY (ARRAY['r', 'p']::pg_catalog."char"[])
               AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped
            UNION ALL
            SELECT 'constraint ' OPERATOR(pg_catalog.||) k.conname OPERATOR(pg_catalog.||) ' on ' OPERATOR(pg_catalog.||) c.relname,
                   pg_catalog.pg_get_constraintdef(k.oid)
              FROM pg_catalog.pg_constraint AS k
              JOIN pg_catalog.pg_class AS c ON c.oid OPERATOR(pg_catalog.=) k.conrelid
             WHERE c.relnamespace OPERATOR(pg_catalog.=) 'public'::pg_catalog.regnamespace
            UNION ALL
            SELECT 'index ' OPERATOR(pg_catalog.||) i.relname, pg_catalog.pg_get_indexdef(i.oid)
              FROM pg_catalog.pg_index AS x
              JOIN pg_catalog.pg_class AS i ON i.oid OPERATOR(pg_catalog.=) x.indexrelid
             WHERE i.relnamespace OPERATOR(pg_catalog.=) 'public'::pg_catalog.regnamespace
            UNION ALL
            SELECT 'function ' OPERATOR(pg_catalog.||) p.oid::pg_catalog.regprocedure::pg_catalog.text, ''
              FROM pg_catalog.pg_proc AS p
             WHERE p.pronamespace OPERATOR(pg_catalog.=) 'public'::pg_catalog.regnamespace
               -- not the sandbox's own event trigger function, which reference states have and crm_db has not
               AND NOT EXISTS (SELECT FROM pg_catalog.pg_event_trigger AS e WHERE e.evtfoid OPERATOR(pg_catalog.=) p.oid)
            UNION ALL
            SELECT 'trigger ' OPERATOR(pg_catalog.||) t.tgname OPERATOR(pg_catalog.||) ' on ' OPERATOR(pg_catalog.||) c.relname,
                   pg_catalog.pg_get_triggerdef(t.oid)
              FROM pg_catalog.pg_trigger AS t
              JOIN pg_catalog.pg_class AS c ON c.oid OPERATOR(pg_catalog.=) t.tgrelid
             WHERE c.relnamespace OPERATOR(pg_catalog.=) 'public'::pg_catalog.regnamespace AND NOT t.tgisinternal""";

    private DatabaseShape() {
    }

    /** Key (e.g. "column users.email") to what it is (e.g. "character varying(255) NOT NULL"), sorted. */
    static Map<String, String> read(Handle handle, TaskSet set) {
        Map<String, String> shape = new TreeMap<>();
        handle.createQuery(CATALOG).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> shape.put(e.getKey(), e.getValue()));
        String table = set.table();
        if ("r".equals(shape.get("table " + table)) && shape.containsKey("column " + table + "." + set.labelColumn())) {
            // a plain table (no view, whose query would run): its rows by label, so extra or missing rows show
            handle.createQuery("SELECT t." + quote(set.labelColumn()) + "::pg_catalog.text FROM public." + quote(table) + " AS t")
                    .mapTo(String.class).forEach(label -> shape.merge("row " + label + " in " + table, "1",
                            (a, b) -> String.valueOf(Integer.parseInt(a) + 1)));
        }
        return shape;
    }

    /**
     * What differs between {@code actual} and {@code start}, one phrase each ("column users.phone_number already
     * exists"), saying "the assignment was applied already?" where {@code end} (the assignment's end state) agrees
     * with {@code actual}. Empty when crm_db is where the assignment starts.
     */
    static List<String> differences(Map<String, String> start, Map<String, String> actual, Map<String, String> end) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String> e : actual.entrySet()) {
            String want = start.get(e.getKey());
            if (want == null) {
                found.add(e.getKey() + " already exists" + appliedAlready(e.getKey(), e.getValue(), end));
            } else if (!want.equals(e.getValue())) {
                found.add(e.getKey() + " is `" + shown(e.getValue()) + "`, where the lesson leaves `" + shown(want) + "`"
                        + appliedAlready(e.getKey(), e.getValue(), end));
            }
        }
        for (String key : start.keySet()) {
            if (!actual.containsKey(key)) {
                found.add(key + " is missing" + (end.containsKey(key) ? "" : ": the assignment was applied already?"));
            }
        }
        return found;
    }

    private static String appliedAlready(String key, String value, Map<String, String> end) {
        return value.equals(end.get(key)) ? ": the assignment was applied already?" : "";
    }

    private static String shown(String value) {
        return value.isEmpty() ? "there" : value;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
