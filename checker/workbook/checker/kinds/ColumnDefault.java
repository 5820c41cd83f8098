package workbook.checker.kinds;

import java.util.List;
import java.util.Locale;
import workbook.checker.task.CheckSpec;

/** The column has the given DEFAULT: reads {@code column}, {@code default} (compared without casts or case). */
public final class ColumnDefault implements CheckKind {
    @Override
    public List<String> required() {
        return List.of("column", "default");
    }

    @Override
    public void plan(CheckSpec spec, Inspection db, ReadPlan reads) {
        ColumnLookup.plan(spec, db, reads);
    }

    @Override
    public Verdict judge(CheckSpec spec, Inspection db) {
        ColumnLookup.Found found = ColumnLookup.find(spec, db);
        if (found.failure() != null) {
            return found.failure();
        }
        Catalog.Column column = found.column();
        String actual = column.defaultExpr();
        if (actual == null) {
            return Verdict.fail("`" + spec.column() + "` has no DEFAULT, the task asks for DEFAULT " + spec.defaultValue().toUpperCase(Locale.ROOT));
        }
        if (normalise(actual).equals(normalise(spec.defaultValue()))) {
            return Verdict.pass();
        }
        return Verdict.fail("`" + spec.column() + "` defaults to `" + actual + "`, the task asks for DEFAULT " + spec.defaultValue().toUpperCase(Locale.ROOT));
    }

    static String normalise(String expression) {
        return withoutCast(expression).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    /** PostgreSQL shows DEFAULT 'x' as {@code 'x'::character varying}; the cast says nothing about the value. */
    static String withoutCast(String expression) {
        return expression.replaceAll("::[a-z ]+(\\(\\d+\\))?", "");
    }
}
