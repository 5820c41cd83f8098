package workbook.checker.kinds;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import workbook.checker.task.CheckSpec;

/** The row picked by {@code where} holds {@code value} in {@code column} (compared as text). */
public final class ValueEquals implements CheckKind {
    @Override
    public List<String> required() {
        return List.of("where", "column", "value");
    }

    @Override
    public void plan(CheckSpec spec, Inspection db, ReadPlan reads) {
        RowLookup.plan(spec, db, reads);
    }

    @Override
    public Verdict judge(CheckSpec spec, Inspection db) {
        RowLookup.One one = RowLookup.one(spec, db);
        if (one.failure() != null) {
            return one.failure();
        }
        Map<String, Object> row = one.row();
        if (!row.containsKey(spec.column())) {
            return Verdict.fail("`" + db.table(spec) + "` has no column `" + spec.column() + "`");
        }
        Object actual = row.get(spec.column());
        if (Objects.equals(actual == null ? null : String.valueOf(actual), spec.value())) {
            return Verdict.pass();
        }
        return Verdict.fail(spec.rowName() + "'s `" + spec.column() + "` is " + RowLookup.show(actual)
                + ", the task asks for " + RowLookup.show(spec.value()));
    }
}
