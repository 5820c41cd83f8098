package workbook.checker.kinds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The workbook's own questions to pg_catalog about a table: its columns, types, defaults and indexes.
 * Each table's columns (and its indexes) are read in one query the first time a check asks and kept:
 * an instance serves one judgement of a database that the checks only read, so the answers cannot change,
 * and a task's dozen checks then cost a few round trips instead of one or two each; none at all when
 * {@link ReadAhead} has already fetched the answers with the rest of what the task's checks read.
 */
public final class Catalog {
    private final Handle handle;
    private final Map<String, Optional<Long>> oids = new HashMap<>();
    private final Map<String, Map<String, Column>> columns = new HashMap<>();
    private final Map<String, List<Index>> indexes = new HashMap<>();

    public Catalog(Handle handle) {
        this.handle = handle;
    }

    /** A column as PostgreSQL describes it; {@code type} as format_type shows it: {@code character varying(100)}. */
    public record Column(String name, String type, String baseType, Integer length, boolean notNull, String defaultExpr) {
    }

    /**
     * An index of the table: {@code keys} as pg_get_indexdef shows each key column or expression,
     * {@code constraint} the name of the UNIQUE/PRIMARY KEY constraint it backs, if any.
     */
    public record Index(String name, boolean unique, boolean partial, String constraint, List<String> keys, String definition) {
    }

    /** The table's oid, if it exists (dropping and re-creating a table changes it). */
    public Optional<Long> tableOid(String table) {
        Optional<Long> known = oids.get(table);
        if (known == null) {
            known = readOid(table);
            oids.put(table, known);
        }
        return known;
    }

    private Optional<Long> readOid(String table) {
        return handle.createQuery(OID.formatted(":t")).bind("t", RowReader.relation(table)).mapTo(Long.class).findOne();
    }

    /** Whether {@code table}'s oid is known already, so a read-ahead need not ask again. */
    boolean knowsOid(String table) {
        return oids.containsKey(table);
    }

    boolean knowsColumns(String table) {
        return columns.containsKey(table);
    }

    boolean knowsIndexes(String table) {
        return indexes.containsKey(table);
    }

    /** Answers read ahead (by {@link ReadAhead}, with this class's own queries) become this catalog's. */
    void knowOid(String table, Optional<Long> oid) {
        oids.put(table, oid);
    }

    void knowColumns(String table, List<Column> read) {
        Map<String, Column> byName = new LinkedHashMap<>();
        read.forEach(c -> byName.put(c.name(), c));
        columns.put(table, byName);
    }

    void knowIndexes(String table, List<Index> read) {
        indexes.put(table, List.copyOf(read));
    }

    public boolean tableExists(String table) {
        return tableOid(table).isPresent();
    }

    public Optional<Column> column(String table, String column) {
        return Optional.ofNullable(columnsOf(table).get(column));
    }

    /** Every column of the table by name, in the table's order (empty if there is no such table). */
    private Map<String, Column> columnsOf(String table) {
        Map<String, Column> known = columns.get(table);
        if (known == null) {
            known = readColumns(table);
            columns.put(table, known);
        }
        return known;
    }

    private Map<String, Column> readColumns(String table) {
        Map<String, Column> byName = new LinkedHashMap<>();
        handle.createQuery(COLUMNS.formatted("to_regclass(:t)")).bind("t", RowReader.relation(table))
                .map((rs, ctx) -> column(rs))
                .forEach(c -> byName.put(c.name(), c));
        return byName;
    }

    public List<Index> indexes(String table) {
        List<Index> known = indexes.get(table);
        if (known == null) {
            known = readIndexes(table);
            indexes.put(table, known);
        }
        return known;
    }

    private List<Index> readIndexes(String table) {
        return handle.createQuery(INDEXES.formatted("to_regclass(:t)")).bind("t", RowReader.relation(table))
                .map((rs, ctx) -> index(rs))
                .list().stream().toList();
    }

    // The queries, with %s where the table's schema-qualified name (OID) or its oid (COLUMNS, INDEXES) goes:
    // here from a bound parameter, in ReadAhead from a literal. They run where search_path is pinned to
    // pg_catalog, so the catalog's own functions and operators answer, not ones a learner's SQL created.
    // Only a plain (or partitioned) table counts: a view named users is no table, whatever it shows.
    static final String OID = "SELECT c.oid::bigint FROM pg_class c WHERE c.oid = to_regclass(%s) AND c.relkind IN ('r', 'p')";

    static final String COLUMNS = """
            SELECT a.attname AS name,
                   format_type(a.atttypid, a.atttypmod) AS type,
                   format_type(a.atttypid, NULL) AS base_type,
                   CASE WHEN a.atttypmod > 4 AND t.typname IN ('varchar', 'bpchar') THEN a.atttypmod - 4 END AS length,
                   a.attnotnull AS not_null,
                   pg_get_expr(d.adbin, d.adrelid) AS default_expr
              FROM pg_attribute a
              JOIN pg_type t ON t.oid = a.atttypid
              LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
             WHERE a.attrelid = %s AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attnum
            """;

    static final String INDEXES = """
            SELECT ic.relname AS name, i.indisunique AS is_unique, i.indpred IS NOT NULL AS partial,
                   con.conname AS constraint_name,
                   ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnkeyatts) AS k) AS keys,
                   pg_get_indexdef(i.indexrelid) AS definition
              FROM pg_index i
              JOIN pg_class ic ON ic.oid = i.indexrelid
              LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x')
             WHERE i.indrelid = %s
             ORDER BY ic.relname
            """;

    static Column column(ResultSet rs) throws SQLException {
        return new Column(rs.getString("name"), rs.getString("type"), rs.getString("base_type"),
                (Integer) rs.getObject("length"), rs.getBoolean("not_null"), rs.getString("default_expr"));
    }

    static Index index(ResultSet rs) throws SQLException {
        return new Index(rs.getString("name"), rs.getBoolean("is_unique"), rs.getBoolean("partial"),
                rs.getString("constraint_name"), List.of((String[]) rs.getArray("keys").getArray()), rs.getString("definition"));
    }

    /** "first_name is `text`": the type as a learner would write it. */
    public static String friendlyType(String formatted) {
        return formatted.replace("character varying", "varchar")
                .replace("timestamp with time zone", "timestamptz")
                .replace("timestamp without time zone", "timestamp")
                .replace("character(", "char(");
    }
}
