package workbook.terminal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Shows a {@link Progress} spinner only for work that is still going after a moment, so quick cells
 * print no noise and a slow one does not look frozen.
 */
public final class SlowWorkNotice implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "slow-work-notice");
        t.setDaemon(true);
        return t;
    });

    private final ScheduledFuture<?> pending;
    private Progress progress;

    private SlowWorkNotice(String what, long afterMillis) {
        pending = TIMER.schedule(() -> show(what), afterMillis, TimeUnit.MILLISECONDS);
    }

    /** Starts the clock; the spinner appears on stderr after {@code afterMillis} if the work is still running. */
    public static SlowWorkNotice after(long afterMillis, String what) {
        return new SlowWorkNotice(what, afterMillis);
    }

    private synchronized void show(String what) {
        progress = Progress.start(what);
    }

    @Override
    public synchronized void close() {
        pending.cancel(false);
        if (progress != null) {
            progress.close();
        }
    }
}
