package workbook.checker.kinds;

import java.util.List;
import workbook.checker.task.CheckSpec;

/**
 * Advice, never a failure: a column that keeps a DEFAULT the task did not ask for (one added only to get a
 * NOT NULL column past the rows already there) passes with a note that every later INSERT leaving the column
 * out gets that value, followed by the check's {@code hint} (how to drop it). Reads {@code column}; worth 0 points.
 * A missing column passes silently: the checks that ask for the column say so.
 */
public final class ColumnKeepsNoDefault implements CheckKind {
    @Override
    public List<String> required() {
        return List.of("column");
    }

    @Override
    public void plan(CheckSpec spec, Inspection db, ReadPlan reads) {
        ColumnLookup.plan(spec, db, reads);
    }

    @Override
    public Verdict judge(CheckSpec spec, Inspection db) {
        ColumnLookup.Found found = ColumnLookup.find(spec, db);
        if (found.failure() != null || found.column().defaultExpr() == null) {
            return Verdict.pass();
        }
        String value = ColumnDefault.withoutCast(found.column().defaultExpr());
        String note = "`" + spec.column() + "` keeps DEFAULT " + value + ": every later INSERT that leaves "
                + spec.column() + " out stores " + value + " without a word";
        return Verdict.passWithNote(spec.hint() == null ? note : note + ". " + spec.hint());
    }
}
