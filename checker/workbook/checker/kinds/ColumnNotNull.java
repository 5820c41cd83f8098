package workbook.checker.kinds;

import java.util.List;
import java.util.Optional;
import workbook.checker.task.CheckSpec;

/** The column refuses NULL (a NOT NULL constraint): reads {@code column}. */
public final class ColumnNotNull implements CheckKind {
    @Override
    public List<String> required() {
        return List.of("column");
    }

    @Override
    public Verdict judge(CheckSpec spec, Inspection db) {
        StringBuilder why = new StringBuilder();
        Optional<Catalog.Column> column = ColumnLookup.find(spec, db, why);
        if (column.isEmpty()) {
            return ColumnLookup.missing(why);
        }
        return column.get().notNull() ? Verdict.pass()
                : Verdict.fail("`" + spec.column() + "` allows NULL, the task asks for NOT NULL");
    }
}
