package workbook.terminal;

import java.io.PrintStream;

/**
 * The one place progress is drawn (a step's spinner, grading's bar): on a terminal a line on stderr redrawn in
 * place; elsewhere (CI, pipes) only the lines that stay, so a log holds no carriage returns.
 */
public final class ProgressLine {
    /**
     * Back to the line's start and erase it. Cursor control, not style: JLine writes it only through a Terminal it
     * owns, and stderr is not one (opening one for a spinner would cost start-up and fight the lesson's terminal).
     */
    private static final String ERASE = "\r\u001b[2K";

    private final PrintStream err;
    private final boolean live;

    /** @param live true on a terminal a person watches (see {@link Console#isInteractive()}) */
    public ProgressLine(PrintStream err, boolean live) {
        this.err = err;
        this.live = live;
    }

    public boolean live() {
        return live;
    }

    /** Shows {@code text} in place of the line drawn before; nothing when not live. */
    public synchronized void redraw(String text) {
        if (live) {
            err.print(ERASE + text);
            err.flush();
        }
    }

    /** A line that stays (a start, a milestone, a verdict), in place of the live one. */
    public synchronized void println(String text) {
        err.println((live ? ERASE : "") + text);
    }

    /** Erases the live line without a verdict (used when an error follows). */
    public synchronized void clear() {
        if (live) {
            err.print(ERASE);
            err.flush();
        }
    }

    /** {@code [########......]}: {@code done} of {@code total} in {@code width} cells, full when there is nothing to do. */
    public static String bar(int done, int total, int width) {
        int filled = total == 0 ? width : done * width / total;
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }
}
