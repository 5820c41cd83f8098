package workbook.checker.kinds;

import java.util.List;
import workbook.checker.task.CheckSpec;

/** The column refuses NULL (a NOT NULL constraint): reads {@code column}. */
public final class ColumnNotNull implements CheckKind {
    @Override
    public List<String> required() {
        return List.of("column");
    }

    @Override
    public void plan(CheckSpec spec, Inspection db, ReadPlan reads) {
        ColumnLookup.plan(spec, db, reads);
    }

    @Override
    public Verdict judge(CheckSpec spec, Inspection db) {
        ColumnLookup.Found found = ColumnLookup.find(spec, db);
        if (found.failure() != null) {
            return found.failure();
        }
        Catalog.Column column = found.column();
        return column.notNull() ? Verdict.pass()
                : Verdict.fail("`" + spec.column() + "` allows NULL, the task asks for NOT NULL");
    }
}
