package workbook.sql;

/**
 * One statement of a script and what became of it: run (with its execution) or skipped, as a psql
 * meta-command is, because the server would not understand it.
 *
 * @param execution null when the statement was skipped
 */
public record StatementRun(SqlStatement statement, Execution execution) {

    public static StatementRun skipped(SqlStatement statement) {
        return new StatementRun(statement, null);
    }

    public boolean skipped() {
        return execution == null;
    }

    /** The outcome, or null when skipped. */
    public StatementOutcome outcome() {
        return execution == null ? null : execution.outcome();
    }

    public boolean failed() {
        return execution != null && execution.outcome() instanceof StatementOutcome.Failed;
    }

    /** The failure ended the session: nothing after it can run, going on would only repeat the same error. */
    public boolean connectionLost() {
        return outcome() instanceof StatementOutcome.Failed f && f.connectionLost();
    }

    /** Where to point in the source: the error's position when the server gave one, else the statement's start. */
    public SourcePosition position() {
        int at = outcome() instanceof StatementOutcome.Failed f ? f.position() : 0;
        return statement.positionOf(at);
    }

    /**
     * The token PostgreSQL's error position points at, as written: a quoted name or string with its quotes
     * ({@code "Alicia"}), a word ({@code ADD}), else one character; empty when the server gave no position.
     * Lets a lesson explain an error by what the learner typed there, which the message alone may not say
     * (an unquoted and a double-quoted name give the same "column ... does not exist").
     */
    public String errorToken() {
        if (!(outcome() instanceof StatementOutcome.Failed f) || f.position() <= 0) {
            return "";
        }
        String text = statement.text();
        int start = SourcePosition.charIndex(text, f.position());
        if (start >= text.length()) {
            return "";
        }
        char first = text.charAt(start);
        int end = start + 1;
        if (first == '"' || first == '\'') {
            end = SqlLexer.quotedEnd(text, start, false);
        } else if (Character.isLetterOrDigit(first) || first == '_') {
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_' || text.charAt(end) == '$')) {
                end++;
            }
        }
        return text.substring(start, end);
    }

    /** {@code 03-update-alice.sql:4:12}: the file and the position, for messages and editors. */
    public String location(String fileName) {
        return position().in(fileName);
    }
}
