package workbook.checker.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One {@code [[tasks.checks]]} entry: a check kind and its parameters. Which parameters a kind reads
 * is said on the kind's class (package workbook.checker.kinds); the rest stay empty.
 *
 * @param kind                the check kind's name, e.g. {@code ColumnHasType}
 * @param name                what the check asserts, shown in reports and graders' test names
 * @param points              what passing is worth (0 for a check that only guards)
 * @param table               the table looked at; default: the task set's {@code table}
 * @param column              the column looked at
 * @param type                the expected type as people write it: {@code varchar}, {@code boolean}, {@code text}
 * @param length              the expected length of a varchar/char column
 * @param defaultValue        {@code default}: the expected DEFAULT expression, e.g. {@code true}
 * @param where               a SQL condition that picks the row(s), e.g. {@code email = 'bob@example.com'}
 * @param label               how the row picked by {@code where} is named in messages: "Bob"
 * @param columns             the columns compared (RowUnchanged; default all) or required non-null (ColumnsSet)
 * @param value               the expected value, as text (ValueEquals)
 * @param count               the expected number of rows (RowCount)
 * @param leading             acceptable leading keys of an index, e.g. {@code email}, {@code lower(email)}
 * @param liveBaselineColumn  {@code live_baseline_column}: with --live, the column a timestamp must be later than
 * @param supersededBy        {@code superseded_by}: a later task that removes what this check looks at; with
 *                            --live, once that task passes, this check cannot be observed and is not held against the learner
 * @param hint                a hint for this check's failure, shown instead of the task's first hint; of a hidden
 *                            check, the one thing a student reads about it besides its points, so it should nudge
 *                            without giving the condition away
 * @param visibility          {@code hidden}, {@code after_due_date}, {@code after_published} or {@code visible}
 *                            (Gradescope's values; default: the task's, else visible). A hidden check counts; the
 *                            student reads only "a hidden check (2 points) failed" and its hint, never its name or
 *                            message. after_due_date and after_published are hidden in {@code check} and
 *                            feedback.md (both come before the due date) and passed to results.json for Gradescope
 *                            to show the check in full then; see {@link Visibility}
 */
public record CheckSpec(
        String kind,
        String name,
        int points,
        String table,
        String column,
        String type,
        Integer length,
        @JsonProperty("default") String defaultValue,
        String where,
        String label,
        List<String> columns,
        String value,
        Integer count,
        List<String> leading,
        @JsonProperty("live_baseline_column") String liveBaselineColumn,
        @JsonProperty("superseded_by") Integer supersededBy,
        String hint,
        String visibility) {

    public CheckSpec {
        columns = columns == null ? List.of() : List.copyOf(columns);
        leading = leading == null ? List.of() : List.copyOf(leading);
    }

    /** The row's name in messages: the label, else the condition itself. */
    public String rowName() {
        return label != null ? label : "the row where " + where;
    }
}
