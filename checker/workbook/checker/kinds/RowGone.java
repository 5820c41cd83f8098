package workbook.checker.kinds;

import java.util.List;
import java.util.Map;
import workbook.checker.task.CheckSpec;

/** No row matches {@code where} any more (named by {@code label}). */
public final class RowGone implements CheckKind {
    @Override
    public List<String> required() {
        return List.of("where");
    }

    @Override
    public void plan(CheckSpec spec, Inspection db, ReadPlan reads) {
        reads.table(db.table(spec)).rows(db.table(spec), spec.where());
    }

    @Override
    public Verdict judge(CheckSpec spec, Inspection db) {
        RowLookup.Found lookup = RowLookup.find(spec, db);
        if (lookup.rows() == null) {
            return Verdict.fail(lookup.tableGone() + ": deleting a row must not drop its table");
        }
        List<Map<String, Object>> rows = lookup.rows();
        int left = rows.size();
        return left == 0 ? Verdict.pass()
                : Verdict.fail(spec.rowName() + " is still there (" + left + (left == 1 ? " row" : " rows") + " where " + spec.where() + ")");
    }
}
