package workbook.grading;

import java.io.PrintStream;
import java.util.Locale;
import workbook.terminal.ProgressLine;

/**
 * Progress while a class is graded: on a terminal a bar redrawn in place (count/total, rate, ETA);
 * elsewhere (CI, pipes) a plain line at every tenth of the class.
 */
public final class GradingProgress {
    private static final int WIDTH = 30;

    private final ProgressLine line;
    private final int total;
    private final long started = System.nanoTime();
    private int done;
    private int lastTenth;

    public GradingProgress(PrintStream err, boolean live, int total) {
        this.line = new ProgressLine(err, live);
        this.total = total;
    }

    synchronized void advance() {
        done++;
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
        double rate = done / seconds;
        long eta = Math.round((total - done) / Math.max(rate, 1e-3));
        String figures = String.format(Locale.ROOT, "%d/%d  %.1f/s  ETA %ds", done, total, rate, eta);
        if (line.live()) {
            line.redraw("Grading " + ProgressLine.bar(done, total, WIDTH) + " " + figures);
        } else {
            int tenth = total == 0 ? 10 : done * 10 / total;
            if (tenth > lastTenth || done == total) {
                lastTenth = tenth;
                line.println("graded " + figures);
            }
        }
    }

    synchronized void finish() {
        line.clear();
    }
}
