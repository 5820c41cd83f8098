package workbook.checker;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
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
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            console.info("Watching " + folder + " — save an exercise file to check again (Ctrl-C to stop).");
            while (true) {
                WatchKey key = watcher.take();
                String changed = sqlFileIn(key);
                key.reset();
                if (changed == null) {
                    continue;
                }
                // swallow the rest of the editor's burst of events, so one save gives one check
                WatchKey more;
                while ((more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    more.pollEvents();
                    more.reset();
                }
                console.line("");
                console.line(console.style(Console.Style.DIM, "── " + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"))
                        + " " + changed + " saved ──"));
                last = check.run();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
            return last;
        } catch (IOException e) {
            throw new IOException("cannot watch " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String sqlFileIn(WatchKey key) {
        String name = null;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.context() instanceof Path p && p.toString().endsWith(".sql")) {
                name = p.toString();
            }
        }
        return name;
    }
}
