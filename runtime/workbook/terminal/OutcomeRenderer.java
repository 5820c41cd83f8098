package workbook.terminal;

import workbook.sql.Execution;
import workbook.sql.StatementOutcome;
import workbook.sql.StatementOutcome.Done;
import workbook.sql.StatementOutcome.Failed;
import workbook.sql.StatementOutcome.Rows;

/**
 * Turns a statement's outcome into the text a learner sees, as psql would print it: a table for rows,
 * the command tag for the rest, PostgreSQL's error with a caret. Plain strings, no printing, so the same
 * text goes to the terminal and into exported notebooks.
 */
public final class OutcomeRenderer {
    private final boolean colour;
    private final int width;

    /** @param colour as {@link Console#colour()}; @param width the terminal's columns (see {@link DisplayText#terminalWidth()}) */
    public OutcomeRenderer(boolean colour, int width) {
        this.colour = colour;
        this.width = width;
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
        StringBuilder out = new StringBuilder();
        for (String notice : execution.notices()) {
            out.append(colour ? Console.Style.YELLOW.code() + "NOTICE:" + Console.Style.RESET : "NOTICE:")
                    .append("  ").append(notice).append('\n');
        }
        return out.append(render(execution.outcome(), statement, execution.context())).toString();
    }

    private String render(StatementOutcome outcome, String statement, String context) {
        if (outcome instanceof Rows rows) {
            return new ResultTable(colour, width).render(rows);
        }
        if (outcome instanceof Done done) {
            return done.commandTag();
        }
        return new FailureReport(colour, width).render((Failed) outcome, statement, context);
    }
}
