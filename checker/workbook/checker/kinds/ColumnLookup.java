package workbook.checker.kinds;

import workbook.checker.task.CheckSpec;

/** Finds the column a check names, or the concrete reason it is not there (no table, no column). */
final class ColumnLookup {
    private ColumnLookup() {
    }

    /** The column, or the verdict that says why there is none. */
    record Found(Catalog.Column column, Verdict failure) {
    }

    /** What {@link #find} reads: whether the table is there, and its columns. */
    static void plan(CheckSpec spec, Inspection db, ReadPlan reads) {
        reads.table(db.table(spec)).columns(db.table(spec));
    }

    static Found find(CheckSpec spec, Inspection db) {
        String table = db.table(spec);
        if (!db.catalog().tableExists(table)) {
            return new Found(null, Verdict.absent("there is no table `" + table + "` any more"));
        }
        return db.catalog().column(table, spec.column())
                .map(column -> new Found(column, null))
                .orElseGet(() -> new Found(null, Verdict.absent("`" + table + "` has no column `" + spec.column() + "`")));
    }
}
