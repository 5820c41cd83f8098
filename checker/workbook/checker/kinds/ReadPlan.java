package workbook.checker.kinds;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a task's checks are about to read (each kind says so in {@link CheckKind#plan}), less what the
 * inspection knows already: {@link ReadAhead} then fetches it all in one round trip.
 */
public final class ReadPlan {
    /**
     * Timestamps to order: {@code column} of each row {@code where} picks against {@code otherColumn} of
     * the same row, or (when that is null) against the fixed instant {@code instant}.
     */
    record Comparison(String table, String where, String column, String otherColumn, String instant) {
    }

    private final Inspection db;
    final Set<String> oids = new LinkedHashSet<>();
    final Set<String> columns = new LinkedHashSet<>();
    final Set<String> indexes = new LinkedHashSet<>();
    final Set<String> counts = new LinkedHashSet<>();
    /** (table, where) pairs; a null where means every row. */
    final Set<List<String>> rows = new LinkedHashSet<>();
    final Set<Comparison> comparisons = new LinkedHashSet<>();

    ReadPlan(Inspection db) {
        this.db = db;
    }

    /** The table's oid: whether it exists, whether it was re-created. */
    public ReadPlan table(String table) {
        if (!db.catalog().knowsOid(table)) {
            oids.add(table);
        }
        return this;
    }

    public ReadPlan columns(String table) {
        if (!db.catalog().knowsColumns(table)) {
            columns.add(table);
        }
        return this;
    }

    public ReadPlan indexes(String table) {
        if (!db.catalog().knowsIndexes(table)) {
            indexes.add(table);
        }
        return this;
    }

    /** The rows {@code where} picks; every row when it is null. */
    public ReadPlan rows(String table, String where) {
        if (!db.rows().knows(table, where)) {
            rows.add(Arrays.asList(table, where));
        }
        return this;
    }

    public ReadPlan count(String table) {
        if (!db.rows().knowsCount(table)) {
            counts.add(table);
        }
        return this;
    }

    /** How the timestamp {@code column} of the rows {@code where} picks compares with {@code instant}. */
    public ReadPlan compareWith(String table, String where, String column, String instant) {
        comparisons.add(new Comparison(table, where, column, null, instant));
        return this;
    }

    /** How the timestamp {@code column} of the rows {@code where} picks compares with {@code otherColumn} of the same row. */
    public ReadPlan compareColumns(String table, String where, String column, String otherColumn) {
        comparisons.add(new Comparison(table, where, column, otherColumn, null));
        return this;
    }

    boolean isEmpty() {
        return oids.isEmpty() && columns.isEmpty() && indexes.isEmpty() && counts.isEmpty() && rows.isEmpty() && comparisons.isEmpty();
    }
}
