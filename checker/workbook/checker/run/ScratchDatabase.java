package workbook.checker.run;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import workbook.checker.task.TaskSet;

/**
 * A throw-away database holding a reference state on the learner's server, dropped on close.
 * Its name carries its creation time, so one left behind by a killed run can be recognised and removed.
 */
public final class ScratchDatabase implements AutoCloseable {
    private static final String PREFIX = "wb_scratch_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<Thread> PENDING = new ArrayList<>();
    private static final Set<ScratchDatabase> OPEN = ConcurrentHashMap.newKeySet();

    static {
        // Ctrl-C (in --watch, or mid-check) skips finally blocks; the copies still go, and the drops finish
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            OPEN.forEach(ScratchDatabase::close);
            awaitDrops();
        }, "drop scratch databases"));
    }

    private final ServerAccess server;
    private final String name;

    private ScratchDatabase(ServerAccess server, String name) {
        this.server = server;
        this.name = name;
    }

    /**
     * A new wb_scratch_... database holding reference state {@code state} of {@code set} (the tasks done),
     * made by {@link ServerAccess#createScratchDatabase}; for a learner, a spare copy made after the
     * previous check is renamed instead (a catalog update, where a copy writes and syncs every file).
     */
    public static ScratchDatabase holding(ServerAccess server, TaskSet set, int state) {
        String name = PREFIX + (System.currentTimeMillis() / 1000) + "_" + Integer.toHexString(RANDOM.nextInt(1 << 24));
        if (!(server.backgroundDrops() && claimSpare(server, server.referenceState(set, state), name))) {
            server.createScratchDatabase(name, set, state);
        }
        ScratchDatabase scratch = new ScratchDatabase(server, name);
        OPEN.add(scratch);
        return scratch;
    }

    public String name() {
        return name;
    }

    /** Drops scratch databases older than an hour: leftovers of runs that were killed. */
    public static void dropLeftovers(ServerAccess server) {
        long hourAgo = System.currentTimeMillis() / 1000 - 3600;
        try (Handle admin = server.admin()) {
            for (String old : admin.createQuery("SELECT datname FROM pg_database WHERE datname LIKE 'wb\\_scratch\\_%'").mapTo(String.class).list()) {
                String[] parts = old.substring(PREFIX.length()).split("_");
                if (parts[0].matches("\\d+") && Long.parseLong(parts[0]) < hourAgo) {
                    drop(admin, old);
                }
            }
        } catch (RuntimeException ignored) {
            // housekeeping only; a check run does not fail for it
        }
    }

    /**
     * Drops the database. With {@link ServerAccess#dropsInBackground()} the drop runs on its own thread:
     * on a busy disk a DROP DATABASE takes most of a second, which the learner need not wait for before
     * reading the verdict ({@link #awaitDrops()} before exiting).
     */
    @Override
    public void close() {
        if (!OPEN.remove(this)) {
            return;
        }
        if (!server.backgroundDrops()) {
            server.dropScratchDatabase(name);
            return;
        }
        Thread dropper = new Thread(() -> {
            try (Handle admin = server.admin()) {
                drop(admin, name);
            } catch (RuntimeException e) {
                // a leftover is removed by a later run's dropLeftovers
            }
        }, "drop " + name);
        synchronized (PENDING) {
            PENDING.add(dropper);
        }
        dropper.start();
    }

    /**
     * Copies reference state {@code state} of {@code set} to a spare in the background, so the next check
     * (the next save in --watch, or the next command) starts without waiting for a copy. At most one spare per state.
     */
    public static void prepareSpare(ServerAccess server, TaskSet set, int state) {
        String kept = server.referenceState(set, state);
        Thread maker = new Thread(() -> {
            try (Handle admin = server.admin()) {
                boolean there = admin.createQuery("SELECT count(*) FROM pg_database WHERE datname = :n")
                        .bind("n", spareOf(kept)).mapTo(Integer.class).one() > 0;
                if (!there) {
                    admin.execute("CREATE DATABASE " + spareOf(kept) + " TEMPLATE " + kept);
                }
            } catch (RuntimeException e) {
                // another run made it first, or the server is busy: the next check copies as usual
            }
        }, "spare of " + kept);
        synchronized (PENDING) {
            PENDING.add(maker);
        }
        maker.start();
    }

    // the spare's name starts with its state's, so the spares of stale states are dropped with them
    private static String spareOf(String kept) {
        return kept + "_spare";
    }

    private static boolean claimSpare(ServerAccess server, String kept, String name) {
        try (Handle admin = server.admin()) {
            boolean there = admin.createQuery("SELECT count(*) FROM pg_database WHERE datname = :n")
                    .bind("n", spareOf(kept)).mapTo(Integer.class).one() > 0;
            if (!there) {
                return false;
            }
            admin.execute("ALTER DATABASE " + spareOf(kept) + " RENAME TO " + name);
            return true;
        } catch (RuntimeException raced) {
            // another check claimed it a moment earlier
            return false;
        }
    }

    /** Waits until every scratch database this process closed is gone (and a spare is made). */
    public static void awaitDrops() {
        List<Thread> pending;
        synchronized (PENDING) {
            pending = new ArrayList<>(PENDING);
            PENDING.clear();
        }
        for (Thread t : pending) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // WITH (FORCE) (PostgreSQL 13+) also ends a session a learner's SQL may have left behind
    static void drop(Handle admin, String name) {
        int version = admin.createQuery("SHOW server_version_num").mapTo(Integer.class).one();
        admin.execute("DROP DATABASE IF EXISTS " + name + (version >= 130000 ? " WITH (FORCE)" : ""));
    }
}
