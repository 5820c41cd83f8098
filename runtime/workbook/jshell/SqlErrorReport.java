package workbook.jshell;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import jdk.jshell.spi.ExecutionControl.UserException;
import org.jdbi.v3.core.statement.StatementException;
import workbook.sql.StatementExecutor;
import workbook.terminal.FailureReport;
import workbook.terminal.TerminalWidth;

/**
 * A snippet's exception caused by PostgreSQL, as the repl shows it: the notebook's words for a failed
 * statement ({@link FailureReport}: message, caret, DETAIL, HINT, SQLSTATE) and only the snippet's own
 * frames, where JShell would print Jdbi's and the driver's stacks (20+ lines) for one typo.
 */
final class SqlErrorReport {
    /** The package JShell compiles snippets into: their frames are the learner's code. */
    private static final String SNIPPET_PACKAGE = "REPL.";

    private SqlErrorReport() {
    }

    /** The short form of {@code thrown} for JShell to print, or null when no SQLException caused it. */
    static UserException of(Throwable thrown) {
        SQLException sql = firstSqlException(thrown);
        if (sql == null) {
            return null;
        }
        List<String> lines = new FailureReport(TerminalWidth.READABLE).lines(StatementExecutor.failed(sql), statement(thrown),
                StatementExecutor.context(sql));
        StackTraceElement[] ownFrames = Arrays.stream(thrown.getStackTrace())
                .filter(frame -> frame.getClassName().startsWith(SNIPPET_PACKAGE)).toArray(StackTraceElement[]::new);
        // JShell prints "Exception <class>: <message>"; the message is the report, ERROR: first as in psql
        return new UserException("ERROR:  " + String.join("\n", lines), thrown.getClass().getSimpleName(), ownFrames);
    }

    private static SQLException firstSqlException(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** The SQL Jdbi sent (positions in the server's error count in it), when Jdbi ran the statement. */
    private static String statement(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StatementException statement && statement.getStatementContext() != null
                    && statement.getStatementContext().getParsedSql() != null) {
                return statement.getStatementContext().getParsedSql().getSql();
            }
        }
        return null;
    }
}
