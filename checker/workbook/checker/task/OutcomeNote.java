package workbook.checker.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.regex.Pattern;

/**
 * One {@code [[outcome_notes]]} entry (of the task set, or of one task): an explanation shown under a statement
 * that ran without error but did something the task did not want, told by the command tag psql would print.
 * Shown only when the task failed, where it names the cause: {@code UPDATE 0} (the WHERE matched no row), or an
 * {@code UPDATE} in a task that asks to delete (a soft delete).
 *
 * @param commandTag  {@code command_tag}: regular expression the whole tag must match, e.g. {@code (UPDATE|DELETE) 0}
 * @param note        the explanation, with the fix
 */
public record OutcomeNote(@JsonProperty("command_tag") String commandTag, String note) {

    public boolean matches(String tag) {
        return commandTag != null && tag != null && Pattern.compile(commandTag).matcher(tag).matches();
    }
}
