package workbook.checker.kinds;

import java.util.Optional;
import workbook.checker.task.CheckSpec;

/** Finds the column a check names, or the concrete reason it is not there (no table, no column). */
final class ColumnLookup {
    private ColumnLookup() {
    }

    /** The column, or empty with {@code why} explaining its absence. */
    static Optional<Catalog.Column> find(CheckSpec spec, Inspection db, StringBuilder why) {
        String table = db.table(spec);
        if (!db.catalog().tableExists(table)) {
            why.append("there is no table `").append(table).append("` any more");
            return Optional.empty();
        }
        Optional<Catalog.Column> column = db.catalog().column(table, spec.column());
        if (column.isEmpty()) {
            why.append("`").append(table).append("` has no column `").append(spec.column()).append("`");
        }
        return column;
    }

    /** The same, as a verdict-producing step: the column or a failed verdict. */
    static Verdict missing(StringBuilder why) {
        return Verdict.absent(why.toString());
    }
}
