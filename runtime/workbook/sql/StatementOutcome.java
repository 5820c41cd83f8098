package workbook.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What one statement did on the server: rows, a command tag, or PostgreSQL's error. */
public sealed interface StatementOutcome {

    /** True unless the statement failed. */
    default boolean succeeded() {
        return !(this instanceof Failed);
    }

    /**
     * A result set, values as PostgreSQL's text (null kept as null).
     *
     * @param columnTypes PostgreSQL type names as the driver reports them (int4, varchar, uuid, timestamptz ...)
     * @param rows        at most {@link StatementExecutor#MAX_ROWS} rows
     * @param totalRows   how many rows the statement returned in all
     * @param truncated   true when {@code rows} holds fewer than {@code totalRows}
     */
    record Rows(List<String> columns, List<String> columnTypes, List<List<String>> rows, int totalRows, boolean truncated)
            implements StatementOutcome {
        public Rows {
            columns = List.copyOf(columns);
            columnTypes = List.copyOf(columnTypes);
            rows = rows.stream().map(row -> Collections.unmodifiableList(new ArrayList<>(row))).toList(); // List.copyOf refuses the nulls
        }

        /** True when counting stopped at {@link StatementExecutor#MAX_COUNTED}: the statement would have returned more. */
        public boolean countIsLowerBound() {
            return totalRows >= StatementExecutor.MAX_COUNTED;
        }
    }

    /**
     * A statement without rows, described as psql does.
     *
     * @param commandTag   e.g. {@code CREATE TABLE}, {@code INSERT 0 1}, {@code UPDATE 2}, {@code BEGIN}
     * @param affectedRows rows inserted, updated or deleted (0 for DDL)
     */
    record Done(String commandTag, long affectedRows) implements StatementOutcome {
    }

    /**
     * PostgreSQL's error, field by field (null where the server sent none).
     *
     * @param position 1-based character in the statement where the error is, 0 if none
     */
    record Failed(String sqlState, String message, String detail, String hint, int position,
                  String constraint, String table, String column) implements StatementOutcome {

        /** The statement ran inside a transaction that had already failed (25P02). */
        public boolean inFailedTransaction() {
            return "25P02".equals(sqlState);
        }

        /**
         * The connection is gone, later statements cannot run either: class 08, or the server ended the
         * session (57P01 pg_terminate_backend or a fast shutdown, 57P02 a crash of another backend).
         */
        public boolean connectionLost() {
            return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02"));
        }
    }
}
