package workbook.checker.kinds;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import workbook.checker.task.CheckSpec;

/** Exactly {@code count} rows match {@code where} (every row when {@code where} is absent). */
public final class RowCount implements CheckKind {
    @Override
    public Verdict judge(CheckSpec spec, Inspection db) {
        StringBuilder why = new StringBuilder();
        Optional<List<Map<String, Object>>> rows = RowLookup.find(spec, db, why);
        if (rows.isEmpty()) {
            return Verdict.fail(why.toString());
        }
        int actual = rows.get().size();
        if (actual == spec.count()) {
            return Verdict.pass();
        }
        String scope = spec.where() == null ? "the table has " : "there are ";
        String which = spec.where() == null ? "" : " where " + spec.where();
        return Verdict.fail(scope + actual + (actual == 1 ? " row" : " rows") + which + ", the task leaves " + spec.count());
    }
}
