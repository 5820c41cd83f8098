package workbook.notebook;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import workbook.notebook.CellOutput.Outcome;
import workbook.sql.Execution;
import workbook.sql.SqlStatement;
import workbook.sql.StatementExecutor;
import workbook.sql.StatementOutcome;
import workbook.sql.StatementOutcome.Done;
import workbook.sql.StatementOutcome.Failed;
import workbook.sql.StatementOutcome.Rows;
import workbook.sql.StatementSplitter;
import workbook.sql.TransactionStatus;
import workbook.terminal.FailureReport;
import workbook.terminal.OutcomeRenderer;

/**
 * Runs sql cells as written on the notebook's connection to crm_db (autocommit), or the one their
 * `session=` / `database=` attributes name, statement after statement, each result shown. The first failure stops the cell, except the re-run rule: an object or
 * row already there from an earlier run is kept, said so, and the cell goes on.
 */
public final class SqlCellKind implements CellKind {
    /** duplicate_table, duplicate_object, unique_violation: what running the lesson a second time meets. */
    static final Set<String> ALREADY_THERE = Set.of("42P07", "42710", "23505");

    private final int width;
    private volatile Connection running;

    /** @param width the columns tables may take when rendered as text (also in exports) */
    public SqlCellKind(int width) {
        this.width = width;
    }

    @Override
    public String language() {
        return "sql";
    }

    @Override
    public CellOutput run(CodeCell cell, NotebookContext context) {
        List<Output> outputs = new ArrayList<>();
        Outcome outcome = Outcome.OK;
        Connection connection = context.connectionFor(cell);
        running = connection;
        try {
            for (SqlStatement statement : StatementSplitter.split(cell.source())) {
                if (statement.isMeta()) {
                    outputs.add(new Output.Note("Skipped `" + statement.firstLine(60) + "`: backslash commands belong to psql, not to the server. Try it in psql: "
                            + context.database().connection().psqlCommand()));
                    continue;
                }
                Execution execution = StatementExecutor.run(connection, statement.text());
                execution.notices().forEach(n -> outputs.add(new Output.Printed("NOTICE:  " + n)));
                StatementOutcome result = execution.outcome();
                if (result instanceof Rows rows) {
                    outputs.add(new Output.Result(OutcomeRenderer.plain(width).render(rows), HtmlTable.of(rows)));
                } else if (result instanceof Done done) {
                    outputs.add(Output.Result.plain(done.commandTag()));
                } else if (result instanceof Failed failed) {
                    if ("57014".equals(failed.sqlState())) {
                        outputs.add(new Output.Note("Stopped: the statement was cancelled."));
                        abortedTransactionNote(connection, outputs);
                        return new CellOutput(Outcome.CANCELLED, outputs);
                    }
                    if (!cell.expectsError() && ALREADY_THERE.contains(failed.sqlState())) {
                        outputs.add(new Output.Note("Already there from an earlier run, kept (" + failed.message()
                                + "). For a fresh start: ./jbang db reset"));
                        outcome = Outcome.KEPT;
                        continue;
                    }
                    outputs.add(error(failed, statement, execution.context()));
                    abortedTransactionNote(connection, outputs);
                    return new CellOutput(Outcome.FAILED, outputs);
                }
            }
            return new CellOutput(outcome, outputs);
        } finally {
            running = null;
        }
    }

    /** After an error inside BEGIN every later statement fails until ROLLBACK; say so where it happens. */
    private static void abortedTransactionNote(Connection connection, List<Output> outputs) {
        try {
            if (TransactionStatus.of(connection) == TransactionStatus.FAILED) {
                outputs.add(new Output.Note("The transaction is aborted: PostgreSQL refuses every statement until ROLLBACK."
                        + " Type : and run ROLLBACK; to go on."));
            }
        } catch (SQLException e) {
            // the connection is gone; the error above already says why
        }
    }

    /** PostgreSQL's error as psql words it, the first line as the message and the rest as details. */
    private Output.Error error(Failed failed, SqlStatement statement, String pgContext) {
        List<String> lines = new FailureReport(false, width).render(failed, statement.text(), pgContext).lines().toList();
        String message = lines.get(0).replaceFirst("^ERROR:\\s*", "");
        return new Output.Error(failed.sqlState() == null ? "ERROR" : failed.sqlState(), message, lines.subList(1, lines.size()));
    }

    @Override
    public void cancel() {
        Connection connection = running;
        if (connection != null) {
            try {
                StatementExecutor.cancel(connection);
            } catch (SQLException ignored) {
                // the statement finished meanwhile; nothing left to stop
            }
        }
    }
}
