package workbook.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The embedded server's postmaster.pid, which PostgreSQL writes while it runs: its process id and port.
 * A pid file whose process is gone (a crash, a reboot) is stale; removing it lets the server start
 * again without touching the learner's data.
 */
record PostmasterPid(long pid, int port) {

    static Optional<PostmasterPid> read(Path dataDir) {
        Path file = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file);
            // line 1: pid, line 4: port (PostgreSQL's documented layout of postmaster.pid)
            if (lines.size() < 4) {
                return Optional.of(new PostmasterPid(Long.parseLong(lines.get(0).strip()), 0));
            }
            return Optional.of(new PostmasterPid(Long.parseLong(lines.get(0).strip()), Integer.parseInt(lines.get(3).strip())));
        } catch (IOException | RuntimeException e) {
            // half-written or garbage: treat as stale
            return Optional.of(new PostmasterPid(-1, 0));
        }
    }

    /** True when a postgres process with this id runs (not some other program that got the id after a reboot). */
    boolean alive() {
        if (pid <= 0) {
            return false;
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(p -> p.info().command().map(c -> c.endsWith("postgres") || c.endsWith("postgres.exe")).orElse(true))
                .orElse(false);
    }

    /** Deletes postmaster.pid when its server is gone, so pg_ctl does not refuse to start. */
    static void removeIfStale(Path dataDir) {
        Optional<PostmasterPid> pid = read(dataDir);
        if (pid.isPresent() && !pid.get().alive()) {
            try {
                Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
            } catch (IOException e) {
                // pg_ctl will then say what is wrong, and we show its words
            }
        }
    }
}
