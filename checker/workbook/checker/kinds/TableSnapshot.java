//DEPS com.fasterxml.jackson.core:jackson-databind:2.20.1
package workbook.checker.kinds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * A table as it was just before a task: its oid (a re-created table gets a new one), its rows keyed
 * by the key column, which rows each of the task's conditions picked, and its index names. Rows are
 * kept as PostgreSQL's own JSON of them, so values compare exactly (timestamps to the microsecond).
 */
public record TableSnapshot(String table, long oid, Map<String, Map<String, Object>> rowsByKey,
                            Map<String, List<String>> keysWhere, List<String> indexNames) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The table's state now (and the rows each condition picks), or empty if it does not exist. */
    public static Optional<TableSnapshot> take(Handle handle, String table, String key, Collection<String> conditions) {
        Optional<TableSnapshot> inOneTrip = takeInOneTrip(handle, table, key, conditions);
        return inOneTrip.isPresent() ? inOneTrip : takeQueryByQuery(handle, table, key, conditions);
    }

    /**
     * The same queries as {@link #takeQueryByQuery}, sent together in one round trip. Empty when any of
     * them fails (no such table, a condition naming a column yet to be added): the query-by-query way
     * then says which, as before. Only in autocommit, where a failure leaves no aborted transaction behind.
     */
    private static Optional<TableSnapshot> takeInOneTrip(Handle handle, String table, String key, Collection<String> conditions) {
        Connection connection = handle.getConnection();
        List<String> wheres = List.copyOf(conditions);
        String literal = "'" + RowReader.relation(table).replace("'", "''") + "'";
        StringBuilder sql = new StringBuilder(Catalog.OID.formatted(literal)).append(";\n")
                .append("SELECT to_jsonb(t)::text FROM ").append(RowReader.relation(table)).append(" AS t;\n");
        for (String where : wheres) {
            sql.append("SELECT to_jsonb(t)::text FROM ").append(RowReader.relation(table)).append(" AS t WHERE ").append(where).append(";\n");
        }
        // the index names in Catalog.indexes' order; ::regclass is resolved once, when planning, where
        // to_regclass would be called for every pg_index row (no such table fails the rows' query anyway)
        sql.append("SELECT ic.relname FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = ")
                .append(literal).append("::regclass ORDER BY ic.relname");
        try (Statement s = connection.createStatement()) {
            if (!connection.getAutoCommit() || !s.execute(sql.toString())) {
                return Optional.empty();
            }
            List<String> oid = column(s);
            if (oid.isEmpty() || oid.get(0) == null || !s.getMoreResults()) {
                return Optional.empty();
            }
            Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
            for (String json : column(s)) {
                Map<String, Object> row = parse(json);
                byKey.put(String.valueOf(row.get(key)), row);
            }
            Map<String, List<String>> picked = new LinkedHashMap<>();
            for (String where : wheres) {
                if (!s.getMoreResults()) {
                    return Optional.empty();
                }
                picked.put(where, column(s).stream().map(json -> String.valueOf(parse(json).get(key))).toList());
            }
            if (!s.getMoreResults()) {
                return Optional.empty();
            }
            List<String> indexes = column(s);
            return Optional.of(new TableSnapshot(table, Long.parseLong(oid.get(0)), byKey, picked, indexes));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private static List<String> column(Statement s) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = s.getResultSet()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static Optional<TableSnapshot> takeQueryByQuery(Handle handle, String table, String key, Collection<String> conditions) {
        Catalog catalog = new Catalog(handle);
        Optional<Long> oid = catalog.tableOid(table);
        if (oid.isEmpty()) {
            return Optional.empty();
        }
        RowReader rows = new RowReader(handle);
        Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
        for (Map<String, Object> row : rows.where(table, null)) {
            byKey.put(String.valueOf(row.get(key)), row);
        }
        Map<String, List<String>> picked = new LinkedHashMap<>();
        for (String where : conditions) {
            try {
                picked.put(where, rows.where(table, where).stream().map(r -> String.valueOf(r.get(key))).toList());
            } catch (RuntimeException e) {
                // a condition naming a column the task has yet to add picks nothing before the task
                picked.put(where, List.of());
            }
        }
        List<String> indexes = catalog.indexes(table).stream().map(Catalog.Index::name).toList();
        return Optional.of(new TableSnapshot(table, oid.get(), byKey, picked, indexes));
    }

    /** The rows a condition picked before the task. */
    public List<Map<String, Object>> rowsWhere(String where) {
        return keysWhere.getOrDefault(where, List.of()).stream().map(rowsByKey::get).toList();
    }

    static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
