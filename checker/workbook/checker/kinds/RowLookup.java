package workbook.checker.kinds;

import java.util.List;
import java.util.Map;
import workbook.checker.task.CheckSpec;

/** Finds the rows a check's {@code where} picks now, or the concrete reason it cannot (no table). */
final class RowLookup {
    private RowLookup() {
    }

    /** The rows the check's {@code where} picks, or (rows null) the reason they cannot be read: the table is gone. */
    record Found(List<Map<String, Object>> rows, String tableGone) {
    }

    /** What {@link #one} reads: whether the table is there, the rows, and (said when the row is missing) how many there are. */
    static void plan(CheckSpec spec, Inspection db, ReadPlan reads) {
        String table = db.table(spec);
        reads.table(table).rows(table, spec.where()).count(table);
    }

    static Found find(CheckSpec spec, Inspection db) {
        String table = db.table(spec);
        if (!db.catalog().tableExists(table)) {
            return new Found(null, "there is no table `" + table + "` any more");
        }
        return new Found(db.rows().where(table, spec.where()), null);
    }

    /** The first row a check's {@code where} picks, or the verdict saying why there is none. */
    record One(Map<String, Object> row, Verdict failure) {
    }

    /** For kinds that judge one row: the table gone and the row missing fail the same way for all of them. */
    static One one(CheckSpec spec, Inspection db) {
        Found found = find(spec, db);
        if (found.rows() == null) {
            return new One(null, Verdict.fail(found.tableGone()));
        }
        if (found.rows().isEmpty()) {
            return new One(null, Verdict.fail(notThere(spec, db)));
        }
        return new One(found.rows().get(0), null);
    }

    static String notThere(CheckSpec spec, Inspection db) {
        long rows = db.rows().count(db.table(spec));
        return spec.rowName() + " is not there: no row where " + spec.where() + " (the table has " + rows + (rows == 1 ? " row)" : " rows)");
    }

    /** "bob@example.com", or the key when the table has no label column. */
    static String name(Map<String, Object> row, Inspection db) {
        Object label = db.labelColumn() == null ? null : row.get(db.labelColumn());
        return String.valueOf(label != null ? label : row.get(db.key()));
    }

    static String show(Object value) {
        return value == null ? "NULL" : value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }
}
