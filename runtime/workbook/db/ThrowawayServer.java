package workbook.db;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import workbook.UserError;

/**
 * What the grader's throwaway cluster and a lab's extra servers share: a server run from a folder of its own
 * (see {@link ThrowawayFolders}), started on a free port, and stopped with its folder deleted exactly once, on
 * close or at any exit of the JVM (Ctrl-C included).
 */
final class ThrowawayServer implements AutoCloseable {
    private static final int PORT_ATTEMPTS = 3;

    private final Path folder;
    private final PostgresPrograms programs;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread onExit;

    ThrowawayServer(Path folder, PostgresPrograms programs, String hookName) {
        this.folder = folder;
        this.programs = programs;
        this.onExit = new Thread(this::discardOnce, hookName);
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /**
     * Starts the server of {@code data} on a free port (another try when a process took the port first) and
     * waits until it answers; returns {@code login} with that port. {@code what} names it in errors.
     */
    ConnectionInfo start(Path data, Duration timeout, long memoryBytes, ConnectionInfo login, String what) {
        Path serverLog = folder.resolve("postgres.log");
        ConnectionInfo connection = null;
        for (int attempt = 1; connection == null; attempt++) {
            // the port goes on the command line: a retry after losing a race for it needs no edit of postgresql.conf
            int port = FreePorts.anyFree();
            int exit = programs.run(List.of("pg_ctl", "-D", data.toString(), "-l", serverLog.toString(), "-o", "-p " + port,
                    "-w", "-t", Long.toString(timeout.toSeconds()), "start"), timeout.toSeconds() + 10, memoryBytes);
            if (exit == 0) {
                connection = new ConnectionInfo(login.host(), port, login.database(), login.user(), login.password());
            } else {
                String problem = LogTail.lastProblem(serverLog, programs.log());
                boolean portTaken = problem.contains("TCP/IP") || problem.contains("bind");
                if (!portTaken || attempt == PORT_ATTEMPTS) {
                    throw UserError.environment(what + " did not start: " + problem, null);
                }
            }
        }
        SQLException failure = ServerAdmin.waitUntilAnswers(connection.withDatabase("postgres"), timeout,
                () -> PostmasterPid.read(data).map(PostmasterPid::alive).orElse(false));
        if (failure != null) {
            throw UserError.environment(what + " does not answer: " + failure.getMessage(), failure);
        }
        return connection;
    }

    /** Stops the server at once (its data is thrown away) and deletes its folder. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is doing this very thing
        }
        discardOnce();
    }

    private void discardOnce() {
        if (closed.compareAndSet(false, true)) {
            ThrowawayFolders.remove(folder, programs);
        }
    }
}
