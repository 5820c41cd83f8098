package workbook.terminal;

import workbook.sql.CommandTag;
import workbook.sql.Execution;
import workbook.sql.ServerNotice;
import workbook.sql.SqlStatement;
import workbook.sql.StatementOutcome;
import workbook.sql.StatementOutcome.Done;
import workbook.sql.StatementOutcome.Failed;
import workbook.sql.StatementOutcome.Rows;
import workbook.sql.StatementRun;

/**
 * Turns a statement's outcome into the text a learner sees, as psql would print it: a table for rows,
 * the command tag for the rest, PostgreSQL's error with a caret. Plain strings, no printing, so the same
 * text goes to the terminal and into exported notebooks.
 */
public final class OutcomeRenderer {
    private final boolean colour;
    private final int width;
    private final ResultTable.Layout layout;

    /**
     * @param colour as {@link Console#colour()}
     * @param width  the terminal's columns (a JLine terminal's width, or {@link DisplayText#terminalWidth()})
     */
    public OutcomeRenderer(boolean colour, int width) {
        this(colour, width, ResultTable.Layout.AUTO);
    }

    /** @param layout TABLE to never switch to one-record-per-block display (psql's \x off) */
    public OutcomeRenderer(boolean colour, int width, ResultTable.Layout layout) {
        this.colour = colour;
        this.width = width;
        this.layout = layout;
    }

    /** For the console's colour setting and the terminal width the environment reports. */
    public static OutcomeRenderer forConsole(Console console) {
        return new OutcomeRenderer(console.colour(), DisplayText.terminalWidth());
    }

    /** Plain text at a fixed width, for exports and snapshots. */
    public static OutcomeRenderer plain(int width) {
        return new OutcomeRenderer(false, width);
    }

    public String render(StatementOutcome outcome) {
        return render(outcome, null);
    }

    /** @param statement the statement as sent, so an error can point at its position; may be null */
    public String render(StatementOutcome outcome, String statement) {
        return render(outcome, statement, null);
    }

    /** A whole execution: the server's notices first (as psql prints them), then the outcome. */
    public String render(Execution execution, String statement) {
        return notices(execution) + render(execution.outcome(), statement, execution.context());
    }

    /** A statement of a notebook cell: LINE numbers count from the cell's first line; a skipped meta-command says so. */
    public String render(StatementRun run) {
        return render(run, null);
    }

    /**
     * A statement of a learner's file: errors start with {@code file:line:column} and their LINE numbers are the
     * file's. {@code fileName} may be null (then it reads as for a cell).
     */
    public String render(StatementRun run, String fileName) {
        SqlStatement statement = run.statement();
        if (run.skipped()) {
            return style(Console.Style.YELLOW, "skipped") + " " + DisplayText.oneLine(statement.firstLine(60))
                    + ": a psql command, not SQL (it works in psql, the workbook runs SQL only)";
        }
        return notices(run.execution()) + (run.failed() ? new FailureReport(colour, width).render(run, fileName)
                : render(run.outcome(), statement.text(), null));
    }

    private String render(StatementOutcome outcome, String statement, String context) {
        if (outcome instanceof Rows rows) {
            String table = new ResultTable(colour, width, layout).render(rows);
            String tag = statement == null ? null : CommandTag.forReturnedRows(statement, rows.totalRows());
            return tag == null ? table : table + "\n\n" + tag; // INSERT ... RETURNING: psql shows the rows, then the tag
        }
        if (outcome instanceof Done done) {
            return done.commandTag();
        }
        return new FailureReport(colour, width).render((Failed) outcome, statement, context);
    }

    private String notices(Execution execution) {
        StringBuilder out = new StringBuilder();
        for (ServerNotice notice : execution.messages()) {
            out.append(style(Console.Style.YELLOW, notice.severity() + ":")).append("  ").append(DisplayText.printable(notice.message())).append('\n');
        }
        return out.toString();
    }

    private String style(Console.Style style, String text) {
        return colour ? style.paint(text) : text;
    }
}
