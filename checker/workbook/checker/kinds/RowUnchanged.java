package workbook.checker.kinds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import workbook.checker.task.CheckSpec;

/**
 * The row picked by {@code where} is the same row as before the task: same key, same values in
 * {@code columns} (default: every column it had). Catches a table dropped and re-created, and a row
 * deleted and inserted again.
 */
public final class RowUnchanged implements CheckKind {
    @Override
    public List<String> required() {
        return List.of("where");
    }

    @Override
    public void plan(CheckSpec spec, Inspection db, ReadPlan reads) {
        String table = db.table(spec);
        reads.table(table);
        if (db.before().isPresent() && !db.before().get().rowsWhere(spec.where()).isEmpty()) {
            reads.rows(table, spec.where());
        }
    }

    @Override
    public Verdict judge(CheckSpec spec, Inspection db) {
        if (db.before().isEmpty()) {
            // --live: the table must at least be there. Whether the row is the same cannot be seen, nor
            // whether a later task removed it (that task's own checks judge that: a mistake costs once)
            if (!db.catalog().tableExists(db.table(spec))) {
                return Verdict.fail("there is no table `" + db.table(spec) + "` any more");
            }
            return Verdict.notObservable("it compares " + spec.rowName() + "'s row with the moment before the task");
        }
        TableSnapshot before = db.before().get();
        List<Map<String, Object>> old = before.rowsWhere(spec.where());
        if (old.isEmpty()) {
            return Verdict.pass();
        }
        Map<String, Object> was = old.get(0);
        String table = db.table(spec);
        Optional<Long> oid = db.catalog().tableOid(table);
        if (oid.isEmpty()) {
            return Verdict.fail("there is no table `" + table + "` any more: " + spec.rowName() + " went with it");
        }
        List<Map<String, Object>> now = db.rows().where(table, spec.where());
        boolean recreated = oid.get() != before.oid();
        if (now.isEmpty()) {
            return Verdict.fail(recreated
                    ? "the table `" + table + "` was dropped and re-created, and " + spec.rowName() + " went with it"
                    : spec.rowName() + " is gone: no row where " + spec.where() + " any more");
        }
        Map<String, Object> is = now.get(0);
        Object oldKey = was.get(db.key());
        Object newKey = is.get(db.key());
        if (!Objects.equals(String.valueOf(oldKey), String.valueOf(newKey))) {
            String how = recreated ? "the table `" + table + "` was dropped and re-created, so " + spec.rowName() + " is a new row"
                    : spec.rowName() + "'s row was deleted and inserted again";
            return Verdict.fail(how + " (" + db.key() + " was " + oldKey + ", now " + newKey + ")");
        }
        List<String> changes = new ArrayList<>();
        List<String> columns = spec.columns().isEmpty() ? List.copyOf(was.keySet()) : spec.columns();
        for (String column : columns) {
            if (!is.containsKey(column)) {
                changes.add("`" + column + "` is gone");
            } else if (!Objects.equals(was.get(column), is.get(column))) {
                changes.add("`" + column + "` changed from " + RowLookup.show(was.get(column)) + " to " + RowLookup.show(is.get(column)));
            }
        }
        if (changes.isEmpty()) {
            return Verdict.pass();
        }
        return Verdict.fail(spec.rowName() + "'s row changed: " + String.join("; ", changes) + (recreated ? " (the table was re-created)" : ""));
    }
}
