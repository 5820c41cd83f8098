package workbook.checker.kinds;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import workbook.checker.task.CheckSpec;
import workbook.sql.ExceptionText;

/**
 * An UPDATE that leaves the timestamp {@code column} out (it sets each of {@code columns} to itself on
 * the row picked by {@code where}) still moves that column forward: something on the table (a trigger)
 * keeps it honest. The probe runs in a transaction that is rolled back, so the data stays as it was. It
 * runs the learner's own trigger, so it runs where the learner's SQL would: on the sandbox's session
 * (never a privileged one), with the default search_path their functions were written for.
 */
public final class UpdateMovesTimestamp implements CheckKind {
    @Override
    public List<String> required() {
        return List.of("where", "column", "columns");
    }

    @Override
    public void plan(CheckSpec spec, Inspection db, ReadPlan reads) {
        reads.columns(db.table(spec)); // the probe itself runs in its own transaction
    }

    @Override
    public Verdict judge(CheckSpec spec, Inspection db) {
        String table = db.table(spec);
        if (db.catalog().column(table, spec.column()).isEmpty()) {
            return Verdict.absent("`" + table + "` has no column `" + spec.column() + "`");
        }
        Handle h = db.handle();
        String select = "SELECT " + quote(spec.column()) + "::text FROM " + RowReader.relation(table) + " WHERE " + spec.where();
        String set = " SET " + spec.columns().stream().map(c -> quote(c) + " = " + quote(c)).collect(Collectors.joining(", ")) + " WHERE " + spec.where();
        String update = "UPDATE " + RowReader.relation(table) + set;
        String shown = "UPDATE " + quote(table) + set; // as the learner would write it
        boolean ownTransaction = !h.isInTransaction();
        if (ownTransaction) {
            h.begin();
        }
        h.execute("SAVEPOINT update_moves_timestamp");
        h.execute("SET LOCAL search_path = \"$user\", public");
        try {
            Optional<String> before = h.createQuery(select).mapTo(String.class).findFirst();
            if (before.isEmpty()) {
                return Verdict.fail(RowLookup.notThere(spec, db));
            }
            h.execute(update);
            String after = h.createQuery(select).mapTo(String.class).findFirst().orElse(null);
            boolean moved = after != null && h.createQuery("SELECT CAST(:after AS timestamptz) > CAST(:before AS timestamptz)")
                    .bind("after", after).bind("before", before.get()).mapTo(Boolean.class).one();
            if (moved) {
                return Verdict.pass();
            }
            return Verdict.fail("`" + shown + "` left " + spec.rowName() + "'s `" + spec.column() + "` at " + before.get()
                    + "; a BEFORE UPDATE trigger that sets NEW." + spec.column() + " := now() moves it on every UPDATE");
        } catch (RuntimeException e) {
            return Verdict.fail("`" + shown + "` failed: " + ExceptionText.causeLine(e));
        } finally {
            h.execute("ROLLBACK TO SAVEPOINT update_moves_timestamp");
            if (ownTransaction) {
                h.rollback();
            }
        }
    }

    private static String quote(String identifier) {
        return identifier.matches("[a-z_][a-z0-9_]*") ? identifier : "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
