package workbook.checker.result;

/**
 * A PostgreSQL error one of the learner's statements met, as data: the class report counts errors by
 * these two fields, which the text of {@link TaskResult#sqlErrors} holds only for a person to read.
 *
 * @param sqlState the five-character SQLSTATE (42703), or null when the driver gave none
 * @param message  PostgreSQL's primary message, without position, detail or hint
 */
public record SqlFailure(String sqlState, String message) {
}
