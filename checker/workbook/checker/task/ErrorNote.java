package workbook.checker.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.regex.Pattern;

/**
 * One {@code [[error_notes]]} entry: an explanation shown under a PostgreSQL error the learner hit.
 *
 * @param sqlstate         the five-character SQLSTATE, e.g. {@code 23502} (not_null_violation)
 * @param messageContains  {@code message_contains}: optional piece of PostgreSQL's message that must also match
 * @param token            optional regular expression (case-insensitive) the whole token at the error's position
 *                         must match, as the learner wrote it: {@code ADD} for a comma missing before an
 *                         {@code ADD COLUMN}, {@code ".*"} for a string written in double quotes
 * @param note             the explanation, with the fix
 */
public record ErrorNote(String sqlstate, @JsonProperty("message_contains") String messageContains, String token, String note) {

    /** Without a token condition: matched by SQLSTATE and message alone. */
    public boolean matches(String state, String message) {
        return matches(state, message, "");
    }

    /** @param errorToken what the learner wrote where the error is (empty when the server gave no position) */
    public boolean matches(String state, String message, String errorToken) {
        return sqlstate != null && sqlstate.equals(state)
                && (messageContains == null || (message != null && message.contains(messageContains)))
                && (token == null || Pattern.compile(token, Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(errorToken).matches());
    }
}
