package workbook.checker.kinds;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import workbook.checker.task.CheckSpec;

/** The row picked by {@code where} holds {@code value} in {@code column} (compared as text). */
public final class ValueEquals implements CheckKind {
    @Override
    public List<String> required() {
        return List.of("where", "column", "value");
    }

    @Override
    public Verdict judge(CheckSpec spec, Inspection db) {
        StringBuilder why = new StringBuilder();
        Optional<List<Map<String, Object>>> rows = RowLookup.find(spec, db, why);
        if (rows.isEmpty()) {
            return Verdict.fail(why.toString());
        }
        if (rows.get().isEmpty()) {
            return Verdict.fail(RowLookup.notThere(spec, db));
        }
        Map<String, Object> row = rows.get().get(0);
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
