package workbook.checker.kinds;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import workbook.checker.task.CheckSpec;

/**
 * Only the rows picked by {@code where} (before or after the task) changed; every other row is as it
 * was. When every row changed, it names the usual cause: an UPDATE or DELETE without WHERE.
 */
public final class OnlyRowsChanged implements CheckKind {
    @Override
    public List<String> required() {
        return List.of("where");
    }

    @Override
    public void plan(CheckSpec spec, Inspection db, ReadPlan reads) {
        String table = db.table(spec);
        reads.table(table);
        if (db.before().isPresent()) {
            reads.rows(table, null).rows(table, spec.where());
        }
    }

    @Override
    public Verdict judge(CheckSpec spec, Inspection db) {
        String table = db.table(spec);
        if (!db.catalog().tableExists(table)) {
            return Verdict.fail("there is no table `" + table + "`");
        }
        if (db.before().isEmpty()) {
            return Verdict.notObservable("it compares every row with the moment before the task");
        }
        TableSnapshot before = db.before().get();
        Map<String, Map<String, Object>> after = new LinkedHashMap<>();
        for (Map<String, Object> row : db.rows().where(table, null)) {
            after.put(String.valueOf(row.get(db.key())), row);
        }
        Set<String> allowed = new HashSet<>(before.keysWhere().getOrDefault(spec.where(), List.of()));
        db.rows().where(table, spec.where()).forEach(r -> allowed.add(String.valueOf(r.get(db.key()))));

        List<String> changed = new ArrayList<>();
        int others = 0;
        for (var entry : before.rowsByKey().entrySet()) {
            if (allowed.contains(entry.getKey())) {
                continue;
            }
            others++;
            Map<String, Object> now = after.get(entry.getKey());
            String name = RowLookup.name(entry.getValue(), db);
            if (now == null) {
                changed.add(name + " (deleted)");
            } else {
                List<String> columns = new ArrayList<>();
                for (var column : entry.getValue().entrySet()) {
                    if (now.containsKey(column.getKey()) && !Objects.equals(column.getValue(), now.get(column.getKey()))) {
                        columns.add(column.getKey());
                    }
                }
                if (!columns.isEmpty()) {
                    changed.add(name + " (" + String.join(", ", columns) + ")");
                }
            }
        }
        for (var entry : after.entrySet()) {
            if (!allowed.contains(entry.getKey()) && !before.rowsByKey().containsKey(entry.getKey())) {
                changed.add(RowLookup.name(entry.getValue(), db) + " (new)");
            }
        }
        if (changed.isEmpty()) {
            return Verdict.pass();
        }
        String list = String.join(", ", changed);
        String what = (changed.size() == 1 ? "another row changed too: " : changed.size() + " other rows changed too: ") + list;
        if (others > 0 && changed.size() >= others) {
            return Verdict.fail(what + ". Every row changed, the mark of an UPDATE without WHERE: add WHERE " + spec.where());
        }
        return Verdict.fail(what + "; the task changes only the row where " + spec.where());
    }
}
