package workbook.checker;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import workbook.terminal.Console;

/**
 * {@code check --watch}: checks once, then again each time an exercise file is saved. Editors save in
 * bursts (write, rename, touch), so a check reads the files only once the burst has settled; what needs no
 * file (the scratch copy, the sandbox's logins) goes ahead meanwhile.
 */
public final class CheckWatcher {
    /** A check to run; returns its exit code. */
    public interface Check {
        /** @param settled to call before reading an exercise file: it returns once the save's burst is over */
        int run(Settled settled) throws Exception;
    }

    /** Waits until the burst of saves that started a check is over (at once when it is, or for the first check). */
    public interface Settled {
        void await() throws IOException, InterruptedException;
    }

    // an editor's burst (write, rename, touch) lands within a few milliseconds; each one waited here delays the verdict
    private static final long SETTLE_MILLIS = 40;

    private final Path folder;
    private final Check check;

    public CheckWatcher(Path folder, Check check) {
        this.folder = folder;
        this.check = check;
    }

    /** Runs until the process is interrupted (Ctrl-C); returns the last check's exit code. */
    public int watch(Console console) throws Exception {
        int last = check.run(() -> { });
        try (ExerciseSaves saves = ExerciseSaves.watch(folder)) {
            console.info("Watching " + folder + " — save an exercise file to check again (Ctrl-C to stop).");
            while (true) {
                String changed = saves.next();
                console.line("");
                console.line(console.style(Console.Style.DIM, "── " + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"))
                        + " " + changed + " saved ──"));
                // the rest of the editor's burst is swallowed before the first file is read, so one save gives one check
                boolean[] awaited = {false};
                last = check.run(() -> {
                    if (!awaited[0]) {
                        saves.awaitQuiet(SETTLE_MILLIS);
                        awaited[0] = true;
                    }
                });
                if (!awaited[0]) {
                    saves.awaitQuiet(SETTLE_MILLIS); // a check that read no file: its burst is swallowed all the same
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return last;
        }
    }
}
