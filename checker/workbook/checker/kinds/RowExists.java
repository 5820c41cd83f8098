package workbook.checker.kinds;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import workbook.checker.task.CheckSpec;

/** At least one row matches {@code where} (named by {@code label}). */
public final class RowExists implements CheckKind {
    @Override
    public List<String> required() {
        return List.of("where");
    }

    @Override
    public Verdict judge(CheckSpec spec, Inspection db) {
        StringBuilder why = new StringBuilder();
        Optional<List<Map<String, Object>>> rows = RowLookup.find(spec, db, why);
        if (rows.isEmpty()) {
            return Verdict.fail(why.toString());
        }
        return rows.get().isEmpty() ? Verdict.fail(RowLookup.notThere(spec, db)) : Verdict.pass();
    }
}
