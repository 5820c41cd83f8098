package workbook.checker.kinds;

import java.util.List;
import java.util.Map;
import workbook.checker.task.CheckSpec;

/**
 * A row that must survive the task still matches {@code where} (named by {@code label}); when the
 * whole table is empty, it names the likely cause: a DELETE without WHERE.
 */
public final class RowRemains implements CheckKind {
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
        if (!rows.isEmpty()) {
            return Verdict.pass();
        }
        long total = db.rows().count(db.table(spec));
        if (total == 0) {
            int before = db.before().map(s -> s.rowsByKey().size()).orElse(-1);
            String had = before > 0 ? " (it had " + before + ")" : "";
            return Verdict.fail(spec.rowName() + " is gone too: the table has 0 rows" + had + ", the task leaves " + spec.rowName()
                    + ". A DELETE without WHERE removes every row");
        }
        return Verdict.fail(RowLookup.notThere(spec, db));
    }
}
