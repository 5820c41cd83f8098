package workbook.notebook;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;
import workbook.notebook.CellOutput.Outcome;
import workbook.sql.ScriptRunner;
import workbook.sql.ScriptRunner.StopRule;
import workbook.sql.SqlStatement;
import workbook.sql.StatementExecutor;
import workbook.sql.StatementOutcome;
import workbook.sql.StatementOutcome.Done;
import workbook.sql.StatementOutcome.Failed;
import workbook.sql.StatementOutcome.Rows;
import workbook.sql.StatementRun;
import workbook.sql.StatementSplitter;
import workbook.sql.TransactionStatus;
import workbook.terminal.FailureReport;
import workbook.terminal.ResultTable;

/**
 * Runs sql cells as written on the notebook's connection to crm_db (autocommit), or the one their
 * `session=` / `database=` attributes name, statement after statement, each result shown. The first failure
 * stops the cell (psql's ON_ERROR_STOP), except the re-run rule: an object or row already there from an earlier
 * run is kept, said so, and the cell goes on.
 */
public final class SqlCellKind implements CellKind {
    /** duplicate_table, duplicate_object, unique_violation: what running the lesson a second time meets. */
    static final Set<String> ALREADY_THERE = Set.of("42P07", "42710", "23505");

    private final IntSupplier width;
    private volatile Connection running;

    /** @param width the columns tables may take when rendered as text (also in exports) */
    public SqlCellKind(int width) {
        this(() -> width);
    }

    /** @param width the columns tables may take, asked at each result (a terminal may be resized between two) */
    public SqlCellKind(IntSupplier width) {
        this.width = width;
    }

    @Override
    public String language() {
        return "sql";
    }

    @Override
    public CellOutput run(CodeCell cell, NotebookContext context) {
        List<Output> outputs = new ArrayList<>();
        Connection connection = context.connectionFor(cell);
        running = connection;
        try {
            StopRule firstFailureNotKept = run -> run.failed() && !keptFromEarlierRun(cell, run);
            List<StatementRun> runs = ScriptRunner.run(connection, StatementSplitter.split(cell.source()), firstFailureNotKept,
                    run -> show(run, cell, context, outputs));
            StatementRun last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last.failed() && !keptFromEarlierRun(cell, last)) {
                abortedTransactionNote(connection, context.sessions().describe(cell), outputs);
                return new CellOutput(cancelled(last) ? Outcome.CANCELLED : Outcome.FAILED, outputs);
            }
            boolean kept = runs.stream().anyMatch(run -> keptFromEarlierRun(cell, run));
            return new CellOutput(kept ? Outcome.KEPT : Outcome.OK, outputs);
        } finally {
            running = null;
        }
    }

    /** As psql: a statement runs once its `;` is typed (outside quotes, comments and bodies). */
    @Override
    public boolean complete(String typed, NotebookContext context) {
        return StatementSplitter.complete(typed);
    }

    /** The re-run rule: what running the lesson a second time meets is kept, unless the cell is there to show that error. */
    private static boolean keptFromEarlierRun(CodeCell cell, StatementRun run) {
        return run.outcome() instanceof Failed failed && !cell.expectsError() && ALREADY_THERE.contains(failed.sqlState());
    }

    private static boolean cancelled(StatementRun run) {
        return run.outcome() instanceof Failed failed && "57014".equals(failed.sqlState());
    }

    /** One statement's outputs: the server's notices with their severity, as psql prints them, then its result or error. */
    private void show(StatementRun run, CodeCell cell, NotebookContext context, List<Output> outputs) {
        SqlStatement statement = run.statement();
        if (run.skipped()) {
            outputs.add(new Output.Note("Skipped `" + statement.firstLine(60) + "`: backslash commands belong to psql, not to the server. Try it in psql: "
                    + context.database().connection().psqlCommand()));
            return;
        }
        run.execution().noticeLines().forEach(line -> outputs.add(new Output.Printed(line)));
        StatementOutcome result = run.outcome();
        if (result instanceof Rows rows) {
            outputs.add(new Output.Result(new ResultTable(false, width.getAsInt()).render(rows), HtmlTable.of(rows)));
        } else if (result instanceof Done done) {
            outputs.add(Output.Result.plain(done.commandTag()));
        } else if (cancelled(run)) {
            outputs.add(new Output.Note("Stopped: the statement was cancelled."));
        } else if (keptFromEarlierRun(cell, run)) {
            outputs.add(new Output.Note("Already there from an earlier run, kept (" + ((Failed) result).message()
                    + "). " + freshStart(cell, context)));
        } else {
            outputs.add(error((Failed) result, statement, run.execution().context()));
        }
    }

    /**
     * `db reset` empties crm_db only: a lab's own database (`database=`) is dropped instead, and the lab makes
     * it again on first use; advising `db reset` there would wipe the learner's crm_db and leave the lab as it was.
     */
    private static String freshStart(CodeCell cell, NotebookContext context) {
        String database = context.sessions().databaseOf(cell);
        String main = context.database().connection().database();
        if (database.equals(main)) {
            return "For a fresh start: ./jbang db reset";
        }
        return "For a fresh start of " + database + ": leave the lab, run DROP DATABASE " + database + "; in psql on " + main
                + ", and the lab creates it again.";
    }

    /**
     * After an error inside BEGIN every later statement fails until ROLLBACK; say so where it happens, naming
     * the session (a lab keeps several), which `:` at this step reaches.
     */
    private static void abortedTransactionNote(Connection connection, String where, List<Output> outputs) {
        try {
            if (TransactionStatus.of(connection) == TransactionStatus.FAILED) {
                outputs.add(new Output.Note("The transaction is aborted in " + where + ": PostgreSQL refuses every statement there until ROLLBACK."));
                outputs.add(new Output.Advice("Type : at this step and run ROLLBACK; (it runs in " + where + ")."));
            }
        } catch (SQLException e) {
            // the connection is gone; the error above already says why
        }
    }

    /** PostgreSQL's error as psql words it, the first line as the message and the rest as details. */
    private Output.Error error(Failed failed, SqlStatement statement, String pgContext) {
        List<String> lines = new FailureReport(width.getAsInt()).lines(failed, statement.text(), pgContext);
        return new Output.Error(failed.sqlState() == null ? "ERROR" : failed.sqlState(), lines.get(0), lines.subList(1, lines.size()));
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
