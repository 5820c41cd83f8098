package workbook.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import workbook.FileTrees;
import workbook.WorkbookHome;

/**
 * An embedded PostgreSQL 14 of its own for one command (`lesson3 --export`): a fresh crm_db with the
 * lesson's names, so what the command shows does not depend on the learner's database, which is not
 * touched. Stopped and deleted when closed, also on Ctrl-C; a folder a killed run left is swept by the
 * next one.
 */
public final class ScratchServer implements AutoCloseable {
    private final Path folder;
    private final EmbeddedServer server;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread onExit = new Thread(this::discardOnce, "stop-scratch-postgres");
    private RunningServer running;

    private ScratchServer(Path folder, EmbeddedServer server) {
        this.folder = folder;
        this.server = server;
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /** Sweeps what killed runs left, then makes and starts a server in a folder of this process (a few seconds). */
    public static ScratchServer start(DatabaseSettings learner) {
        Path root = learner.stateDir().resolve("scratch-servers");
        sweep(root, learner);
        Path folder = root.resolve(ProcessHandle.current().pid() + "-" + System.nanoTime());
        ScratchServer scratch = new ScratchServer(folder, new EmbeddedServer(settingsIn(folder, learner)));
        try {
            scratch.running = scratch.server.up();
            return scratch;
        } catch (RuntimeException e) {
            scratch.close();
            throw e;
        }
    }

    /** The server as a provider: a `server` cell may restart or crash it, as it would the learner's. */
    public ServerProvider provider() {
        return server;
    }

    public RunningServer running() {
        return running;
    }

    @Override
    public void close() {
        discardOnce();
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException exiting) {
            // the hook is running or has run: nothing to remove
        }
    }

    private void discardOnce() {
        if (closed.compareAndSet(false, true)) {
            discard(folder, server);
        }
    }

    private static void discard(Path folder, EmbeddedServer server) {
        try {
            server.purge();
        } catch (RuntimeException e) {
            // stopping failed (already gone, binaries missing): the folder still goes below
        }
        try {
            FileTrees.deleteTree(folder);
        } catch (IOException e) {
            // a file held open elsewhere; the next run's sweep tries again
        }
    }

    /** Folders whose process is gone: a killed run's server is stopped and its data deleted. */
    private static void sweep(Path root, DatabaseSettings learner) {
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> folders;
        try (Stream<Path> entries = Files.list(root)) {
            folders = entries.toList();
        } catch (IOException e) {
            return;
        }
        for (Path folder : folders) {
            String name = folder.getFileName().toString();
            long pid;
            try {
                pid = Long.parseLong(name.substring(0, Math.max(0, name.indexOf('-'))));
            } catch (NumberFormatException e) {
                continue;
            }
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                continue;
            }
            discard(folder, new EmbeddedServer(settingsIn(folder, learner)));
        }
    }

    private static DatabaseSettings settingsIn(Path folder, DatabaseSettings learner) {
        // the learner's unpacked binaries are reused; state, data and logs live in the scratch folder
        return new DatabaseSettings(new WorkbookHome(folder), FreePorts.anyFree(), learner.containerName(), learner.binariesDir());
    }
}
