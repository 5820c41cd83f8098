package workbook.checker.kinds;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import workbook.checker.task.CheckSpec;

/** Finds the rows a check's {@code where} picks now, or the concrete reason it cannot (no table). */
final class RowLookup {
    private RowLookup() {
    }

    /** The rows, or empty with {@code why} filled when the table itself is gone. */
    static Optional<List<Map<String, Object>>> find(CheckSpec spec, Inspection db, StringBuilder why) {
        String table = db.table(spec);
        if (!db.catalog().tableExists(table)) {
            why.append("there is no table `").append(table).append("` any more");
            return Optional.empty();
        }
        return Optional.of(db.rows().where(table, spec.where()));
    }

    /** The first row a check's {@code where} picks, or the verdict saying why there is none. */
    record One(Map<String, Object> row, Verdict failure) {
    }

    /** For kinds that judge one row: the table gone and the row missing fail the same way for all of them. */
    static One one(CheckSpec spec, Inspection db) {
        StringBuilder why = new StringBuilder();
        Optional<List<Map<String, Object>>> rows = find(spec, db, why);
        if (rows.isEmpty()) {
            return new One(null, Verdict.fail(why.toString()));
        }
        if (rows.get().isEmpty()) {
            return new One(null, Verdict.fail(notThere(spec, db)));
        }
        return new One(rows.get().get(0), null);
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
