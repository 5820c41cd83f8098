package workbook.checker.kinds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import workbook.checker.task.CheckSpec;

/** The row picked by {@code where} has a value (defaults count) in each of {@code columns}. */
public final class ColumnsSet implements CheckKind {
    @Override
    public List<String> required() {
        return List.of("where", "columns");
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
        List<String> missing = new ArrayList<>();
        List<String> unset = new ArrayList<>();
        for (String column : spec.columns()) {
            if (!row.containsKey(column)) {
                missing.add("`" + column + "`");
            } else if (row.get(column) == null) {
                unset.add("`" + column + "`");
            }
        }
        if (!missing.isEmpty()) {
            return Verdict.fail("`" + db.table(spec) + "` has no column " + String.join(", ", missing) + " to fill for " + spec.rowName());
        }
        if (!unset.isEmpty()) {
            return Verdict.fail(spec.rowName() + "'s " + String.join(", ", unset) + (unset.size() == 1 ? " is" : " are")
                    + " NULL; the task asks for every new field to be set");
        }
        return Verdict.pass();
    }
}
