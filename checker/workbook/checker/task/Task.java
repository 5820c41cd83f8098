package workbook.checker.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One {@code [[tasks]]} entry of tasks.toml.
 *
 * @param id         the exercise's name, also its file without .sql: {@code 01-add-columns}
 * @param title      one line, shown beside the verdict
 * @param statement  what to do, as the starter file's comments say it
 * @param bonus      true for a task that adds points but is not required for a pass
 * @param hints      given one at a time by {@code ./jbang hint LESSON N}, mildest first: a question, then the
 *                   approach, then code; {@code check} shows none of them unprompted
 * @param checks     {@code [[tasks.checks]]}: judged in order; the first failure's message is the reason shown
 * @param outcomeNotes {@code [[tasks.outcome_notes]]}: like the set's, for this task's files only, tried first
 * @param visibility the default {@code visibility} of the task's checks (see {@link CheckSpec}); default visible
 */
public record Task(String id, String title, String statement, boolean bonus, List<String> hints, List<CheckSpec> checks,
                   @JsonProperty("outcome_notes") List<OutcomeNote> outcomeNotes, String visibility) {

    public Task {
        hints = hints == null ? List.of() : List.copyOf(hints);
        checks = checks == null ? List.of() : List.copyOf(checks);
        outcomeNotes = outcomeNotes == null ? List.of() : List.copyOf(outcomeNotes);
    }

    public String file() {
        return id + ".sql";
    }

    /**
     * Who sees {@code check} in full: its own value, else the task's, else visible. A value TaskSetReader would
     * refuse counts as hidden, so a set read without that refusal (validate's) never shows too much.
     */
    public Visibility visibilityOf(CheckSpec check) {
        String value = check.visibility() != null ? check.visibility() : visibility;
        return value == null ? Visibility.VISIBLE : Visibility.named(value).orElse(Visibility.HIDDEN);
    }

    /** The task's worth: the sum of its checks' points. */
    public int points() {
        return checks.stream().mapToInt(CheckSpec::points).sum();
    }
}
