package workbook.grading;

import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Reads one submission on a daemon thread of its own and gives up after a time limit, so a stalled
 * network disk, or a file swapped for a named pipe after the walk, costs that student a grade, not the run.
 */
final class TimedSubmissionReader {
    private final Function<Path, Submission> read;
    private final Duration limit;

    /** @param read reads an entry, e.g. {@link SubmissionReader#read}; it may throw {@link SubmissionReader.UnreadableSubmission} */
    TimedSubmissionReader(Function<Path, Submission> read, Duration limit) {
        this.read = read;
        this.limit = limit;
    }

    /**
     * The submission, or {@link SubmissionReader.UnreadableSubmission} when reading it failed or outlasted the limit.
     *
     * @throws InterruptedIOException when the grading job itself is interrupted (the run is ending)
     */
    Submission read(Path entry) throws InterruptedIOException {
        FutureTask<Submission> task = new FutureTask<>(() -> read.apply(entry));
        // a daemon: a thread parked in open() on a pipe cannot be interrupted, and must not keep the JVM alive
        Thread thread = new Thread(task, "read-" + entry.getFileName());
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.cancel(true); // a read that heeds interrupts stops now; one stuck opening a pipe stays parked
            throw new SubmissionReader.UnreadableSubmission("reading the submission took longer than " + shown(limit)
                    + " (a named pipe? a stalled disk?)");
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("reading " + entry.getFileName() + " was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static String shown(Duration limit) {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }
}
