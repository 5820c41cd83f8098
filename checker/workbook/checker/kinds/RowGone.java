package workbook.checker.kinds;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import workbook.checker.task.CheckSpec;

/** No row matches {@code where} any more (named by {@code label}). */
public final class RowGone implements CheckKind {
    @Override
    public List<String> required() {
        return List.of("where");
    }

    @Override
    public Verdict judge(CheckSpec spec, Inspection db) {
        StringBuilder why = new StringBuilder();
        Optional<List<Map<String, Object>>> rows = RowLookup.find(spec, db, why);
        if (rows.isEmpty()) {
            return Verdict.fail(why.toString() + ": deleting a row must not drop its table");
        }
        int left = rows.get().size();
        return left == 0 ? Verdict.pass()
                : Verdict.fail(spec.rowName() + " is still there (" + left + (left == 1 ? " row" : " rows") + " where " + spec.where() + ")");
    }
}
