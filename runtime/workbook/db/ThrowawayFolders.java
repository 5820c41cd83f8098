package workbook.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import workbook.FileTrees;

/**
 * Where the grader's throwaway clusters live: a folder {@code crm-workbook-grading-<random>} in RAM when
 * there is room, else under .workbook/grading/, marked with the process that made it, so a later run can
 * tell the leftovers of a run killed hard (kill -9) from a cluster another run is still grading on.
 */
final class ThrowawayFolders {
    static final String PREFIX = "crm-workbook-grading-";
    static final String OWNER_FILE = "owner.properties";
    /** A class's reference states, a database per job and their WAL fit in far less; below this, RAM is too tight to risk. */
    static final long RAM_NEEDED = 512L << 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ThrowawayFolders() {
    }

    /** The folder the next cluster goes under, and whether that is RAM. */
    record Place(Path root, boolean inRam) {
    }

    /** RAM (a writable tmpfs with 512 MB free, such as Linux's /dev/shm) if {@code ramRoot} is one, else {@code diskRoot}. */
    static Place place(Path ramRoot, Path diskRoot) {
        try {
            if (Files.isDirectory(ramRoot) && Files.isWritable(ramRoot)) {
                FileStore store = Files.getFileStore(ramRoot);
                if (store.type().equals("tmpfs") && store.getUsableSpace() >= RAM_NEEDED) {
                    return new Place(ramRoot, true);
                }
            }
        } catch (IOException | SecurityException e) {
            // not usable: the disk will do
        }
        return new Place(diskRoot, false);
    }

    /** A new folder of this process's own under the place, closed to other users (initdb's password file passes through it). */
    static Path create(Place place) {
        return create(place, PREFIX);
    }

    /** The same for another user of throwaway servers (a lab's), whose folders start with {@code prefix}. */
    static Path create(Place place, String prefix) {
        try {
            Files.createDirectories(place.root());
            Path folder = place.root().resolve(prefix + String.format("%016x", RANDOM.nextLong()));
            try {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                Files.createDirectory(folder); // Windows: the user's own folder under .workbook/ is private enough
            }
            Owner.current().write(folder);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops and deletes the clusters that runs killed hard left under {@code roots}: folders of this naming
     * pattern whose owner process is gone. Anything else (other names, no owner mark, a live owner) stays.
     * Returns the folders removed.
     */
    static List<Path> sweep(List<Path> roots, PostgresPrograms programs) {
        return sweep(roots, programs, PREFIX);
    }

    /** The same for the folders named {@code prefix} and 16 hex digits. */
    static List<Path> sweep(List<Path> roots, PostgresPrograms programs, String prefix) {
        Pattern name = Pattern.compile(Pattern.quote(prefix) + "[0-9a-f]{16}");
        List<Path> removed = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            List<Path> candidates;
            try (Stream<Path> entries = Files.list(root)) {
                candidates = entries.filter(p -> name.matcher(p.getFileName().toString()).matches())
                        .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList();
            } catch (IOException | UncheckedIOException e) {
                continue;
            }
            for (Path folder : candidates) {
                if (Owner.read(folder).map(Owner::gone).orElse(false)) {
                    remove(folder, programs);
                    removed.add(folder);
                }
            }
        }
        return removed;
    }

    /** Stops the folder's server if one runs there (immediate: its data is thrown away anyway), then deletes the folder. */
    static void remove(Path folder, PostgresPrograms programs) {
        Path data = folder.resolve("data");
        Optional<PostmasterPid> pid = PostmasterPid.read(data).filter(PostmasterPid::alive);
        if (pid.isPresent()) {
            try {
                programs.run(List.of("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "-t", "10", "stop"), 20);
            } catch (RuntimeException e) {
                // pg_ctl failed to run: the kill below still ends the server
            }
            if (pid.get().alive()) {
                // its backends notice the postmaster's death and exit on their own
                ProcessHandle.of(pid.get().pid()).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        // a backend may still be exiting and writing a last file: try a few times
        for (int attempt = 1; ; attempt++) {
            try {
                FileTrees.deleteTree(folder);
                return;
            } catch (IOException | UncheckedIOException e) {
                if (attempt == 5) {
                    return; // left for the next run's sweep
                }
                try {
                    Thread.sleep(100L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The process that made a folder: its id, when it started (ids are reused) and its pid namespace (ids mean nothing across them). */
    record Owner(long pid, long startedMillis, String pidNamespace) {

        static Owner current() {
            ProcessHandle self = ProcessHandle.current();
            return new Owner(self.pid(), self.info().startInstant().map(i -> i.toEpochMilli()).orElse(-1L), currentPidNamespace());
        }

        static Optional<Owner> read(Path folder) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(folder.resolve(OWNER_FILE))) {
                p.load(in);
                return Optional.of(new Owner(Long.parseLong(p.getProperty("pid")), Long.parseLong(p.getProperty("started", "-1")),
                        p.getProperty("pidNamespace", "")));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        void write(Path folder) throws IOException {
            Properties p = new Properties();
            p.setProperty("pid", Long.toString(pid));
            p.setProperty("started", Long.toString(startedMillis));
            p.setProperty("pidNamespace", pidNamespace);
            try (Writer out = Files.newBufferedWriter(folder.resolve(OWNER_FILE))) {
                p.store(out, "the process grading on this throwaway PostgreSQL; once it is gone, the next grading run deletes this folder");
            }
        }

        /** True only when sure: same pid namespace, and no process with that id, or one started at another time. */
        boolean gone() {
            if (!pidNamespace.equals(currentPidNamespace())) {
                return false; // made in another container sharing the folder: its processes are not ours to judge
            }
            Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (process.isEmpty()) {
                return true;
            }
            return startedMillis > 0 && process.get().info().startInstant()
                    .map(started -> Math.abs(started.toEpochMilli() - startedMillis) > 1000).orElse(false);
        }

        private static String currentPidNamespace() {
            try {
                return Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return "";
            }
        }
    }
}
