package workbook.checker.kinds;

import java.util.List;
import java.util.Map;
import workbook.checker.task.CheckSpec;

/**
 * The timestamp {@code column} of the row picked by {@code where} is later than before the task;
 * with --live, later than {@code live_baseline_column} of the same row. Set by the UPDATE or by a trigger: both count.
 */
public final class TimestampMovedForward implements CheckKind {
    @Override
    public List<String> required() {
        return List.of("where", "column");
    }

    @Override
    public void plan(CheckSpec spec, Inspection db, ReadPlan reads) {
        RowLookup.plan(spec, db, reads);
        String table = db.table(spec);
        List<Map<String, Object>> old = db.before().map(before -> before.rowsWhere(spec.where())).orElse(List.of());
        Object was = old.isEmpty() || old.get(0) == null ? null : old.get(0).get(spec.column());
        if (was != null) {
            reads.compareWith(table, spec.where(), spec.column(), String.valueOf(was));
        } else if (spec.liveBaselineColumn() != null) {
            reads.compareColumns(table, spec.where(), spec.column(), spec.liveBaselineColumn());
        }
    }

    @Override
    public Verdict judge(CheckSpec spec, Inspection db) {
        RowLookup.One one = RowLookup.one(spec, db);
        if (one.failure() != null) {
            return one.failure();
        }
        Map<String, Object> row = one.row();
        Object now = row.get(spec.column());
        if (db.before().isEmpty()) {
            return sinceBaseline(spec, db, row, now);
        }
        List<Map<String, Object>> old = db.before().get().rowsWhere(spec.where());
        if (old.isEmpty() || old.get(0).get(spec.column()) == null) {
            return sinceBaseline(spec, db, row, now);
        }
        Object was = old.get(0).get(spec.column());
        if (now == null) {
            return Verdict.fail(spec.rowName() + "'s `" + spec.column() + "` is NULL; the task moves it forward to the time of the change");
        }
        int order = compare(db, now, was);
        if (order > 0) {
            return Verdict.pass();
        }
        return Verdict.fail(spec.rowName() + "'s `" + spec.column() + "` " + (order == 0 ? "did not move: still " + was : "moved back, from " + was + " to " + now)
                + "; set it to NOW() in the same UPDATE (or let a trigger do it)");
    }

    private Verdict sinceBaseline(CheckSpec spec, Inspection db, Map<String, Object> row, Object now) {
        if (spec.liveBaselineColumn() == null) {
            return Verdict.notObservable("it compares " + spec.rowName() + "'s `" + spec.column() + "` with the moment before the task");
        }
        Object baseline = row.get(spec.liveBaselineColumn());
        if (now != null && baseline != null && compare(db, now, baseline) > 0) {
            return Verdict.pass();
        }
        return Verdict.fail(spec.rowName() + "'s `" + spec.column() + "` (" + now + ") is not later than its `" + spec.liveBaselineColumn()
                + "` (" + baseline + "); set it to NOW() in the UPDATE");
    }

    private static int compare(Inspection db, Object a, Object b) {
        return db.instants().compare(a, b);
    }
}
