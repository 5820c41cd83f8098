package workbook.checker.kinds;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Orders two timestamps as PostgreSQL does: the JSON text of a timestamptz is not safely comparable
 * as a string (offsets, precision). Each answer is kept, and {@link ReadAhead} may have fetched it already.
 */
public final class Instants {
    private final Handle handle;
    private final Map<List<String>, Integer> known = new HashMap<>();

    public Instants(Handle handle) {
        this.handle = handle;
    }

    /** The sign of {@code a - b}: 1 when {@code a} is later, 0 when the same instant, -1 when earlier. */
    public int compare(Object a, Object b) {
        List<String> question = List.of(String.valueOf(a), String.valueOf(b));
        Integer sign = known.get(question);
        if (sign == null) {
            sign = handle.createQuery("SELECT " + SIGN.formatted(":a", ":b"))
                    .bind("a", question.get(0)).bind("b", question.get(1)).mapTo(Integer.class).one();
            known.put(question, sign);
        }
        return sign;
    }

    void know(String a, String b, int sign) {
        known.put(List.of(a, b), sign);
    }

    /** The comparison, with %s for the two texts: bound parameters here, column values in ReadAhead. */
    static final String SIGN = "sign(extract(epoch FROM (CAST(%s AS timestamptz) - CAST(%s AS timestamptz))))::int";
}
