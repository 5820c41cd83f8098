package workbook.checker.run;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;

/**
 * A statement of the workbook's own (DROP or CREATE DATABASE) on a session and a thread of its own, which
 * the server finishes even when this process exits first: PostgreSQL notices a client that went away only
 * when it next reads or writes, after the statement has committed. A command may so exit once the server
 * has the statement in hand ({@link #awaitHandedOver}) instead of waiting for the checkpoints that CREATE
 * and DROP DATABASE make on PostgreSQL 14. A run killed before that leaves a scratch copy for the sweep.
 */
final class ServerWork {
    private final ServerAccess server;
    private final Thread thread;
    private final CompletableFuture<Function<Handle, Optional<String>>> given = new CompletableFuture<>();
    /** The session's backend once connected, 0 before: only then can the server be asked about it. */
    private volatile int pid;

    /**
     * @param statement what to run, decided on the session itself (it may read the catalog first), or
     *                  empty when there is nothing to do
     */
    ServerWork(ServerAccess server, String name, Function<Handle, Optional<String>> statement) {
        this(server, name, false);
        run(statement);
    }

    /**
     * Logs in now and waits for its statement ({@link #run}), so that when the statement comes it is in the
     * server's hands a round trip later instead of a login later. Until then it stays out of every list.
     */
    static ServerWork ahead(ServerAccess server, String name) {
        // a daemon: one never given a statement must not keep the process alive (its copy's lock goes with the process)
        return new ServerWork(server, name, true);
    }

    private ServerWork(ServerAccess server, String name, boolean daemon) {
        this.server = server;
        this.thread = new Thread(() -> {
            try (Handle admin = server.admin()) {
                Optional<String> sql = given.get().apply(admin);
                if (sql.isPresent()) {
                    pid = admin.getConnection().unwrap(PGConnection.class).getBackendPID();
                    admin.execute(sql.get());
                }
            } catch (Exception e) {
                // another run did it first, or the server is busy: a leftover goes with a later run's sweep
            }
        }, name);
        thread.setDaemon(daemon);
        thread.start();
    }

    /** The statement to run, decided on the session itself. */
    void run(Function<Handle, Optional<String>> statement) {
        given.complete(statement);
    }

    /** Waits until the statement is done. */
    void await() throws InterruptedException {
        thread.join();
    }

    /**
     * Waits until the statement is done or the server is executing it (its session active), whichever
     * comes first; {@code poll} is a session of the same user, which may see that session's state.
     */
    void awaitHandedOver(Handle poll) throws InterruptedException {
        while (thread.isAlive()) {
            int backend = pid;
            if (backend != 0 && poll.createQuery("SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE pid = :pid AND state = 'active'")
                    .bind("pid", backend).mapTo(Integer.class).one() > 0) {
                return;
            }
            thread.join(2); // the thread ends, or it is asked again in a moment: a round trip to the server is the pace anyway
        }
    }

    ServerAccess server() {
        return server;
    }

    String name() {
        return thread.getName();
    }

    boolean done() {
        return !thread.isAlive();
    }
}
