package workbook.checker.kinds;

import java.util.List;
import workbook.checker.task.CheckSpec;

/** The column exists with the given type (and length): reads {@code column}, {@code type}, {@code length}. */
public final class ColumnHasType implements CheckKind {
    @Override
    public List<String> required() {
        return List.of("column", "type");
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
        String expected = spec.length() == null ? spec.type() : spec.type() + "(" + spec.length() + ")";
        String actual = Catalog.friendlyType(column.type());
        if (actual.equalsIgnoreCase(expected)) {
            return Verdict.pass();
        }
        return Verdict.fail("`" + spec.column() + "` is `" + actual + "`, the task asks for `" + expected + "`");
    }
}
