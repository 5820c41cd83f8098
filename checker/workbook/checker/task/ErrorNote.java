package workbook.checker.task;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One {@code [[error_notes]]} entry: an explanation shown under a PostgreSQL error the learner hit.
 *
 * @param sqlstate         the five-character SQLSTATE, e.g. {@code 23502} (not_null_violation)
 * @param messageContains  {@code message_contains}: optional piece of PostgreSQL's message that must also match
 * @param note             the explanation, with the fix
 */
public record ErrorNote(String sqlstate, @JsonProperty("message_contains") String messageContains, String note) {

    public boolean matches(String state, String message) {
        return sqlstate != null && sqlstate.equals(state)
                && (messageContains == null || (message != null && message.contains(messageContains)));
    }
}
