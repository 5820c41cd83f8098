package workbook.checker.kinds;

import java.util.List;
import workbook.checker.task.CheckSpec;

/**
 * One way of judging the database after a task, parameterised by a {@link CheckSpec} from tasks.toml.
 * A kind judges state, never the SQL that produced it, and when the state is wrong it says concretely how.
 */
public interface CheckKind {

    /** The name tasks.toml uses in {@code kind = "..."}. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** The tasks.toml fields this kind cannot do without, e.g. {@code column}, {@code type}. */
    default List<String> required() {
        return List.of();
    }

    Verdict judge(CheckSpec spec, Inspection db);

    /**
     * Says what {@link #judge} will read, so that a task's reads all go in one round trip ({@link ReadAhead}).
     * A read left out costs only its own round trip, when the check makes it.
     */
    default void plan(CheckSpec spec, Inspection db, ReadPlan reads) {
    }
}
