package workbook.terminal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Shows that a slow step is working: "Starting PostgreSQL 14 … 3s". On a terminal the line refreshes
 * every half second; elsewhere (CI, pipes) it prints once at the start and once at the end.
 */
public final class Progress implements AutoCloseable {
    private static final String[] SPINNER = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};

    private final ProgressLine line;
    private final long started = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private final ScheduledFuture<?> tick;
    private volatile String what;
    private int frame;

    private Progress(ProgressLine line, String what) {
        this.line = line;
        this.what = what;
        if (line.live()) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "progress");
                t.setDaemon(true);
                return t;
            });
            tick = ticker.scheduleAtFixedRate(this::redraw, 0, 500, TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
            tick = null;
            line.println(what + " …");
        }
    }

    /** Starts showing progress for a step on stderr. */
    public static Progress start(String what) {
        return new Progress(new ProgressLine(Console.system().err(), Console.isInteractive()), what);
    }

    /** Changes the description while keeping the clock running. */
    public void update(String what) {
        this.what = what;
        if (!line.live()) {
            line.println(what + " …");
        }
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private synchronized void redraw() {
        line.redraw(SPINNER[frame++ % SPINNER.length] + " " + what + " " + seconds());
    }

    private String seconds() {
        return elapsed().toSeconds() + "s";
    }

    /** Ends the line with a final word, e.g. "done" and the time it took. */
    public void done(String result) {
        stop();
        line.println(what + ": " + result + " (" + String.format("%.1fs", elapsed().toMillis() / 1000.0) + ")");
    }

    private synchronized void stop() {
        if (tick != null) {
            tick.cancel(false);
            ticker.shutdownNow();
        }
    }

    /** Clears the line without a verdict (used when an error follows). */
    @Override
    public void close() {
        if (tick != null && !tick.isCancelled()) {
            stop();
            line.clear();
        }
    }
}
