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
}
