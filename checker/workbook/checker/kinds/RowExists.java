package workbook.checker.kinds;

import java.util.List;
import java.util.Map;
import workbook.checker.task.CheckSpec;

/** At least one row matches {@code where} (named by {@code label}). */
public final class RowExists implements CheckKind {
    @Override
    public List<String> required() {
        return List.of("where");
    }

    @Override
    public void plan(CheckSpec spec, Inspection db, ReadPlan reads) {
        RowLookup.plan(spec, db, reads);
    }

    @Override
    public Verdict judge(CheckSpec spec, Inspection db) {
        RowLookup.Found lookup = RowLookup.find(spec, db);
        if (lookup.rows() == null) {
            return Verdict.fail(lookup.tableGone());
        }
        List<Map<String, Object>> rows = lookup.rows();
        return rows.isEmpty() ? Verdict.fail(RowLookup.notThere(spec, db)) : Verdict.pass();
    }
}
