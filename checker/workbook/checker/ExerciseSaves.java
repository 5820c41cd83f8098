//DEPS io.methvin:directory-watcher:0.19.1
package workbook.checker;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import io.methvin.watcher.hashing.FileHasher;
import io.methvin.watchservice.MacOSXListeningWatchService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The .sql files saved in one folder, as the system reports them: inotify on Linux, ReadDirectoryChangesW
 * on Windows and FSEvents on macOS (through directory-watcher), where the JDK's own WatchService polls and a
 * save took seconds to be seen.
 */
final class ExerciseSaves implements AutoCloseable {
    /** Put in the queue when watching stopped on its own (the folder went away, a system error). */
    private static final String STOPPED = "";
    /** FSEvents gathers events for this long before it reports them; directory-watcher's default is half a second. */
    private static final double MACOS_LATENCY_SECONDS = 0.02;

    private final Path folder;
    private final BlockingQueue<String> saved = new LinkedBlockingQueue<>();
    private final DirectoryWatcher watcher;
    private final CompletableFuture<Void> watching;
    /** When the last save was heard (System.nanoTime), set before the save is queued. */
    private volatile long lastSave = System.nanoTime();

    private ExerciseSaves(Path folder) throws IOException {
        this.folder = folder.toAbsolutePath().normalize();
        DirectoryWatcher.Builder builder = DirectoryWatcher.builder().path(this.folder).listener(this::onEvent)
                // every save counts, also one that leaves the text as it was: the learner asked for a check
                .fileHashing(false);
        if (System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("mac")) {
            builder.watchService(new MacOSXListeningWatchService(new MacOSXListeningWatchService.Config() {
                @Override
                public double latency() {
                    return MACOS_LATENCY_SECONDS;
                }

                @Override
                public boolean fileLevelEvents() {
                    return true;
                }

                @Override
                public FileHasher fileHasher() {
                    return FileHasher.LAST_MODIFIED_TIME;
                }
            }));
        }
        try {
            this.watcher = builder.build();
        } catch (IOException e) {
            throw new IOException("cannot watch " + this.folder + ": " + e.getMessage(), e);
        }
        // a thread of its own: the loop never ends, and in the common pool (one thread on two cores) it would starve others
        this.watching = watcher.watchAsync(loop -> {
            Thread thread = new Thread(loop, "exercise-saves");
            thread.setDaemon(true);
            thread.start();
        });
        watching.whenComplete((done, error) -> saved.add(STOPPED));
        if (watching.isCompletedExceptionally()) {
            // registering the folder failed before any watching began
            String why = watching.handle((done, error) -> error.getMessage()).join();
            close();
            throw new IOException("cannot watch " + this.folder + ": " + why);
        }
    }

    /** Starts watching {@code folder} (not its subfolders); saves from now on are reported. */
    static ExerciseSaves watch(Path folder) throws IOException {
        return new ExerciseSaves(folder);
    }

    /** Waits for the next save and returns the file's name. */
    String next() throws InterruptedException, IOException {
        String name = saved.take();
        if (name.equals(STOPPED)) {
            throw new IOException("cannot watch " + folder + ": watching stopped");
        }
        return name;
    }

    /**
     * Returns once no save was heard for {@code quietMillis}, counted from the last one, dropping the saves heard
     * meanwhile: an editor saves in bursts (write, rename, touch). A burst that ended while the caller did other
     * work costs no wait at all.
     */
    void awaitQuiet(long quietMillis) throws InterruptedException, IOException {
        while (true) {
            long quietFor = (System.nanoTime() - lastSave) / 1_000_000;
            String more = quietFor >= quietMillis ? saved.poll() : saved.poll(quietMillis - quietFor, TimeUnit.MILLISECONDS);
            if (more == null) {
                if ((System.nanoTime() - lastSave) / 1_000_000 >= quietMillis) {
                    return;
                }
            } else if (more.equals(STOPPED)) {
                throw new IOException("cannot watch " + folder + ": watching stopped");
            }
        }
    }

    private void onEvent(DirectoryChangeEvent event) {
        Path path = event.path();
        boolean saveHere = (event.eventType() == DirectoryChangeEvent.EventType.CREATE || event.eventType() == DirectoryChangeEvent.EventType.MODIFY)
                && path != null && folder.equals(path.getParent()) && path.getFileName().toString().endsWith(".sql");
        if (saveHere) {
            lastSave = System.nanoTime();
            saved.add(path.getFileName().toString());
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
