package workbook.checker;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import workbook.terminal.Console;

/**
 * {@code check --watch}: checks once, then again each time an exercise file is saved. Editors save in
 * bursts (write, rename, touch), so events are gathered for a moment before one check runs.
 */
public final class CheckWatcher {
    /** A check to run; returns its exit code. */
    public interface Check {
        int run() throws Exception;
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
        int last = check.run();
        try (ExerciseSaves saves = ExerciseSaves.watch(folder)) {
            console.info("Watching " + folder + " — save an exercise file to check again (Ctrl-C to stop).");
            while (true) {
                String changed = saves.next();
                // swallow the rest of the editor's burst of events, so one save gives one check
                saves.skipBurst(SETTLE_MILLIS);
                console.line("");
                console.line(console.style(Console.Style.DIM, "── " + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"))
                        + " " + changed + " saved ──"));
                last = check.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return last;
        }
    }
}
