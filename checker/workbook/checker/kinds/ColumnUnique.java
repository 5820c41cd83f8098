package workbook.checker.kinds;

import java.util.List;
import workbook.checker.task.CheckSpec;

/** No two rows may share the column's value: a UNIQUE constraint or a unique index on it alone. Reads {@code column}. */
public final class ColumnUnique implements CheckKind {
    @Override
    public List<String> required() {
        return List.of("column");
    }

    @Override
    public void plan(CheckSpec spec, Inspection db, ReadPlan reads) {
        ColumnLookup.plan(spec, db, reads);
        reads.indexes(db.table(spec));
    }

    @Override
    public Verdict judge(CheckSpec spec, Inspection db) {
        ColumnLookup.Found found = ColumnLookup.find(spec, db);
        if (found.failure() != null) {
            return found.failure();
        }
        List<Catalog.Index> unique = db.catalog().indexes(db.table(spec)).stream()
                .filter(i -> i.unique() && i.keys().equals(List.of(spec.column())))
                .toList();
        if (unique.stream().anyMatch(i -> !i.partial())) {
            return Verdict.pass();
        }
        if (!unique.isEmpty()) {
            return Verdict.fail("`" + spec.column() + "` is unique only where " + unique.get(0).definition().replaceFirst(".* WHERE ", "")
                    + " (a partial index); the task asks for UNIQUE on every row");
        }
        return Verdict.fail("`" + spec.column() + "` is not UNIQUE: no UNIQUE constraint or unique index covers it alone, so two users could share one");
    }
}
