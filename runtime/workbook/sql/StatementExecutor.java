//DEPS org.postgresql:postgresql:42.7.14
package workbook.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLWarning;
import org.postgresql.util.ServerErrorMessage;

/**
 * Sends one learner statement to PostgreSQL exactly as written (a plain JDBC {@link Statement}, JDBC escapes
 * off, never Jdbi's parser, so {@code ?}, {@code :name} and {@code jsonb ? 'k'} reach the server untouched)
 * and turns what happened into a {@link StatementOutcome}.
 */
public final class StatementExecutor {
    /** Rows kept for display; the rest are counted, not kept. */
    public static final int MAX_ROWS = 1000;
    /**
     * Rows counted at most: the driver buffers a whole result on an autocommit connection, so a learner's
     * {@code SELECT * FROM generate_series(1, 1e9)} is stopped by the server here instead of filling the memory.
     */
    public static final int MAX_COUNTED = 100_000;

    private StatementExecutor() {
    }

    /** Runs {@code sql} (one statement) on {@code connection}; never throws for SQL errors, they become Failed. */
    public static StatementOutcome execute(Connection connection, String sql) {
        return run(connection, sql).outcome();
    }

    /** Like {@link #execute} but also returns the server's notices (RAISE NOTICE, "already exists, skipping") and the time taken. */
    public static Execution run(Connection connection, String sql) {
        long started = System.nanoTime();
        if (sql.stripLeading().startsWith("\\")) {
            return new Execution(metaCommand(sql), List.of(), null, 0);
        }
        if (isCopyWithClient(sql)) {
            return new Execution(copyWithClient(), List.of(), null, 0);
        }
        List<ServerNotice> notices = new ArrayList<>();
        String context = null;
        StatementOutcome outcome;
        TransactionStatus before = statusOrIdle(connection);
        Statement statement = null;
        try {
            statement = connection.createStatement();
            statement.setEscapeProcessing(false); // {fn ...} and {d '...'} are JDBC syntax, not the learner's
            statement.setMaxRows(MAX_COUNTED);
            boolean hasRows = statement.execute(sql);
            outcome = hasRows ? rows(statement.getResultSet())
                    : done(sql, statement.getLargeUpdateCount(), before);
        } catch (SQLException e) {
            outcome = failed(e);
            context = context(e);
        } catch (RuntimeException e) {
            outcome = new StatementOutcome.Failed(null, String.valueOf(e.getMessage()), null, null, 0, null, null, null);
        } finally {
            if (statement != null) {
                collectNotices(statement, notices);
                closeQuietly(statement);
            }
        }
        return new Execution(outcome, notices, context, (System.nanoTime() - started) / 1_000_000);
    }

    /** Cancels the statement running on {@code connection} (from another thread, e.g. on Ctrl-C); it then fails with 57014. */
    public static void cancel(Connection connection) throws SQLException {
        connection.unwrap(PGConnection.class).cancelQuery();
    }

    private static StatementOutcome rows(ResultSet rs) throws SQLException {
        try (rs) {
            ResultSetMetaData meta = rs.getMetaData();
            int width = meta.getColumnCount();
            List<String> columns = new ArrayList<>(width);
            List<String> types = new ArrayList<>(width);
            for (int c = 1; c <= width; c++) {
                columns.add(meta.getColumnLabel(c));
                types.add(meta.getColumnTypeName(c));
            }
            List<List<String>> rows = new ArrayList<>();
            int total = 0;
            while (rs.next()) {
                total++;
                if (rows.size() < MAX_ROWS) {
                    List<String> row = new ArrayList<>(width);
                    for (int c = 1; c <= width; c++) {
                        row.add(rs.getString(c));
                    }
                    rows.add(row);
                }
            }
            return new StatementOutcome.Rows(columns, types, rows, total, total > rows.size());
        }
    }

    private static StatementOutcome done(String sql, long updateCount, TransactionStatus before) {
        return new StatementOutcome.Done(CommandTag.of(sql, updateCount, before), Math.max(updateCount, 0));
    }

    /** The server's error fields when it sent them; otherwise (connection lost, driver refused) the exception's own. */
    public static StatementOutcome.Failed failed(SQLException e) {
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage m = psql.getServerErrorMessage();
            return new StatementOutcome.Failed(m.getSQLState(), m.getMessage(), m.getDetail(), m.getHint(),
                    m.getPosition(), m.getConstraint(), m.getTable(), m.getColumn());
        }
        return new StatementOutcome.Failed(e.getSQLState(), withCause(e), null, null, 0, null, null, null);
    }

    /** The driver's message, and what caused it when that says more ("An I/O error occurred ..." alone says little). */
    private static String withCause(SQLException e) {
        Throwable root = ExceptionText.rootCause(e);
        String message = String.valueOf(e.getMessage());
        return root == e || root.getMessage() == null || message.contains(root.getMessage()) ? message : message + " (" + root.getMessage() + ")";
    }

    /** Where inside a function or DO block the error happened (PostgreSQL's CONTEXT), if it said. */
    public static String context(SQLException e) {
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            return psql.getServerErrorMessage().getWhere();
        }
        return null;
    }

    private static StatementOutcome.Failed metaCommand(String sql) {
        String command = sql.strip().split("\\s+", 2)[0];
        return new StatementOutcome.Failed("42601", command + " is a psql command, not SQL: the workbook skips it (run it in psql)",
                null, null, 0, null, null, null);
    }

    /** COPY ... FROM STDIN / TO STDOUT streams data through the client, which only psql (or CopyManager) speaks. */
    private static boolean isCopyWithClient(String sql) {
        List<String> words = SqlWords.topLevel(sql, 40);
        return !words.isEmpty() && words.get(0).equals("COPY") && (words.contains("STDIN") || words.contains("STDOUT"));
    }

    private static StatementOutcome.Failed copyWithClient() {
        return new StatementOutcome.Failed("0A000", "COPY ... FROM STDIN / TO STDOUT needs psql to stream the data: "
                + "use \\copy in psql, or INSERT ... VALUES / SELECT here", null, null, 0, null, null, null);
    }

    private static void collectNotices(Statement statement, List<ServerNotice> notices) {
        try {
            for (SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
                ServerErrorMessage m = w instanceof PSQLWarning p ? p.getServerErrorMessage() : null;
                notices.add(m == null ? new ServerNotice("WARNING", w.getMessage())
                        : new ServerNotice(m.getSeverity() == null ? "NOTICE" : m.getSeverity(), m.getMessage()));
            }
        } catch (SQLException e) {
            // the connection is gone; the outcome already says so
        }
    }

    private static TransactionStatus statusOrIdle(Connection connection) {
        try {
            return TransactionStatus.of(connection);
        } catch (SQLException | RuntimeException e) {
            return TransactionStatus.IDLE;
        }
    }

    private static void closeQuietly(Statement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            // nothing to do: closing a statement on a dead connection
        }
    }
}
