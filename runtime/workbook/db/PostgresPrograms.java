package workbook.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import workbook.UserError;

/**
 * Runs PostgreSQL's own programs (initdb, pg_ctl) for the embedded server, output appended to a log.
 * PostgreSQL refuses to run as root, so as root (CI, containers) each program runs in a fresh user
 * namespace (`unshare -U`), where it is an ordinary user, as zonky's EmbeddedPostgres does.
 */
final class PostgresPrograms {
    private static Boolean asRootViaUnshare;

    private final EmbeddedBinaries binaries;
    private final Path log;

    PostgresPrograms(EmbeddedBinaries binaries, Path log) {
        this.binaries = binaries;
        this.log = log;
    }

    /** Runs a program to its end; returns its exit code. */
    int run(List<String> programAndArgs, long timeoutSeconds) {
        return run(programAndArgs, timeoutSeconds, 0);
    }

    /**
     * Runs a program with its address space, and that of every process it starts, capped at
     * {@code memoryBytes} (0: no cap): a server started so refuses an allocation past it with an
     * "out of memory" error in that one session, where the operating system would kill processes.
     * Only where a POSIX shell sets the limit (not on Windows).
     */
    int run(List<String> programAndArgs, long timeoutSeconds, long memoryBytes) {
        List<String> command = new ArrayList<>();
        if (memoryBytes > 0 && !System.getProperty("os.name").toLowerCase().contains("win")) {
            command.addAll(List.of("/bin/sh", "-c", "ulimit -v " + (memoryBytes / 1024) + " && exec \"$0\" \"$@\""));
        }
        command.addAll(wrapper());
        command.add(binaries.bin(programAndArgs.get(0)).toString());
        command.addAll(programAndArgs.subList(1, programAndArgs.size()));
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice().toFile()));
            builder.environment().put("LC_ALL", "C");
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw UserError.environment(programAndArgs.get(0) + " did not finish within " + timeoutSeconds + "s; see " + log, null);
            }
            return process.exitValue();
        } catch (IOException e) {
            throw UserError.environment("Could not run " + programAndArgs.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw UserError.environment("Interrupted while running " + programAndArgs.get(0), e);
        }
    }

    Path log() {
        return log;
    }

    EmbeddedBinaries binaries() {
        return binaries;
    }

    private static Path nullDevice() {
        return Path.of(System.getProperty("os.name").toLowerCase().contains("win") ? "NUL" : "/dev/null");
    }

    /** Nothing for an ordinary user; `unshare -U` for root where it works; otherwise a clear refusal. */
    private static synchronized List<String> wrapper() {
        if (!isRoot()) {
            return List.of();
        }
        if (asRootViaUnshare == null) {
            asRootViaUnshare = unshareWorks();
        }
        if (!asRootViaUnshare) {
            throw UserError.environment("PostgreSQL does not run as root, and `unshare -U` is not available here to run it as"
                    + " an ordinary user: run the workbook as an ordinary user, or use --db docker.", null);
        }
        return List.of("unshare", "-U");
    }

    static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return uid instanceof Integer i && i == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static boolean unshareWorks() {
        try {
            Process p = new ProcessBuilder("unshare", "-U", "true").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
