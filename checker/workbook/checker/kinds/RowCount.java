package workbook.checker.kinds;

import java.util.List;
import java.util.Map;
import workbook.checker.task.CheckSpec;

/** Exactly {@code count} rows match {@code where} (every row when {@code where} is absent). */
public final class RowCount implements CheckKind {
    @Override
    public List<String> required() {
        return List.of("count");
    }

    @Override
    public void plan(CheckSpec spec, Inspection db, ReadPlan reads) {
        reads.table(db.table(spec)).rows(db.table(spec), spec.where());
    }

    @Override
    public Verdict judge(CheckSpec spec, Inspection db) {
        RowLookup.Found lookup = RowLookup.find(spec, db);
        if (lookup.rows() == null) {
            return Verdict.fail(lookup.tableGone());
        }
        List<Map<String, Object>> rows = lookup.rows();
        int actual = rows.size();
        if (actual == spec.count()) {
            return Verdict.pass();
        }
        String counted = actual + (actual == 1 ? " row" : " rows");
        String found = spec.where() == null ? "the table has " + counted : (actual == 1 ? "there is " : "there are ") + counted + " where " + spec.where();
        return Verdict.fail(found + ", the task leaves " + spec.count());
    }
}
