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

    /** {@code 03-update-alice.sql:4:12}: the file and the position, for messages and editors. */
    public String location(String fileName) {
        return position().in(fileName);
    }
}
