package workbook.checker.run;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import workbook.checker.task.TaskSet;

/**
 * A throw-away database holding a reference state on the learner's server, dropped on close.
 * Its name carries its creation time, so one left behind by a killed run can be recognised and removed.
 * A learner's copy (background drops) is also held by an advisory lock of its run's: the server lets go
 * of it the moment the run's process is gone, however it ended, so the next run's sweep drops such a copy
 * at once instead of an hour later.
 */
public final class ScratchDatabase implements AutoCloseable {
    private static final String PREFIX = "wb_scratch_";
    /** Ends the name of a copy its run holds a lock on ({@link #holding}); others are swept by age only. */
    private static final String LOCKED = "_k";
    /** The first key of the two-key advisory locks on copies, so they never meet the workbook's one-key locks. */
    private static final int LOCK_SPACE = 18;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<ServerWork> PENDING = new ArrayList<>();
    private static final Set<ScratchDatabase> OPEN = ConcurrentHashMap.newKeySet();

    static {
        // Ctrl-C (in --watch, or mid-check) skips finally blocks; the copies still go, the server finishing the drops
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            OPEN.forEach(ScratchDatabase::close);
            handOverDrops();
        }, "drop scratch databases"));
    }

    private final ServerAccess server;
    private final String name;
    /** The session holding the copy's lock while this run uses it (background drops), else null. */
    private final Handle holder;

    private ScratchDatabase(ServerAccess server, String name, Handle holder) {
        this.server = server;
        this.name = name;
        this.holder = holder;
    }

    /**
     * A new wb_scratch_... database holding reference state {@code state} of {@code set} (the tasks done),
     * made by {@link ServerAccess#createScratchDatabase}; for a learner, a spare copy made after the
     * previous check is renamed instead (a catalog update, where a copy writes and syncs every file).
     */
    public static ScratchDatabase holding(ServerAccess server, TaskSet set, int state) {
        String name = PREFIX + (System.currentTimeMillis() / 1000) + "_" + Integer.toHexString(RANDOM.nextInt(1 << 24));
        Handle holder = null;
        if (server.backgroundDrops()) {
            name += LOCKED;
            holder = server.admin();
            try {
                // locked before the copy exists, so no sweep ever sees it unheld while this run lives
                holder.execute("SELECT pg_advisory_lock(?, hashtext(?))", LOCK_SPACE, name);
                if (!claimSpare(holder, server.referenceState(set, state), name)) {
                    server.createScratchDatabase(name, set, state);
                }
            } catch (RuntimeException e) {
                holder.close();
                throw e;
            }
        } else {
            server.createScratchDatabase(name, set, state);
        }
        ScratchDatabase scratch = new ScratchDatabase(server, name, holder);
        OPEN.add(scratch);
        return scratch;
    }

    public String name() {
        return name;
    }

    /**
     * Drops the leftovers of runs that were killed: copies older than an hour, and at once those whose run's
     * lock the server has let go of (with background drops, on a thread of their own like this run's drops).
     * {@code admin} is a session of the admin's on the server's lesson database.
     */
    public static void dropLeftovers(ServerAccess server, Handle admin) {
        long hourAgo = System.currentTimeMillis() / 1000 - 3600;
        try {
            for (String old : admin.createQuery("SELECT datname FROM pg_database WHERE datname LIKE 'wb\\_scratch\\_%'").mapTo(String.class).list()) {
                String[] parts = old.substring(PREFIX.length()).split("_");
                if (parts[0].matches("\\d+") && Long.parseLong(parts[0]) < hourAgo) {
                    drop(admin, old);
                } else if (server.backgroundDrops() && old.endsWith(LOCKED) && ownerGone(admin, old)) {
                    pending(new ServerWork(server, "drop " + old, sweeper -> Optional.of(dropStatement(sweeper, old))));
                }
            }
        } catch (RuntimeException ignored) {
            // housekeeping only; a check run does not fail for it
        }
    }

    /** The run that made {@code name} holds its lock no more: the lock is free (taken here for a moment, and given back). */
    private static boolean ownerGone(Handle admin, String name) {
        boolean free = admin.createQuery("SELECT pg_try_advisory_lock(:space, hashtext(:n))").bind("space", LOCK_SPACE).bind("n", name)
                .mapTo(Boolean.class).one();
        if (free) {
            admin.execute("SELECT pg_advisory_unlock(?, hashtext(?))", LOCK_SPACE, name);
        }
        return free;
    }

    /**
     * Drops the database. With {@link ServerAccess#dropsInBackground()} the drop runs on its own thread:
     * on a busy disk a DROP DATABASE takes most of a second, which the learner need not wait for before
     * reading the verdict ({@link #handOverDrops()} or {@link #awaitDrops()} before exiting).
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
        pending(new ServerWork(server, "drop " + name, admin -> Optional.of(dropStatement(admin, name))));
        // a sweep that now finds the lock free drops it too, if this drop has not: DROP ... IF EXISTS either way
        holder.close();
    }

    /**
     * Copies reference state {@code state} of {@code set} to a spare in the background, so the next check
     * (the next save in --watch, or the next command) starts without waiting for a copy. At most one spare per state.
     */
    public static void prepareSpare(ServerAccess server, TaskSet set, int state) {
        String kept = server.referenceState(set, state);
        pending(new ServerWork(server, "spare of " + kept, admin -> exists(admin, spareOf(kept))
                ? Optional.empty() : Optional.of("CREATE DATABASE " + spareOf(kept) + " TEMPLATE " + kept)));
    }

    private static void pending(ServerWork work) {
        synchronized (PENDING) {
            PENDING.add(work);
        }
    }

    private static boolean exists(Handle admin, String database) {
        return admin.createQuery("SELECT count(*) FROM pg_database WHERE datname = :n").bind("n", database).mapTo(Integer.class).one() > 0;
    }

    // the spare's name starts with its state's, so the spares of stale states are dropped with them
    private static String spareOf(String kept) {
        return kept + "_spare";
    }

    private static boolean claimSpare(Handle admin, String kept, String name) {
        try {
            if (!exists(admin, spareOf(kept))) {
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
        awaitAll(takePending());
    }

    /**
     * Waits only until the server has every drop and copy of this process in hand, so a command can exit
     * right after its verdict: the server finishes them ({@link ServerWork}) while the learner reads.
     */
    public static void handOverDrops() {
        List<ServerWork> pending = takePending();
        pending.removeIf(ServerWork::done);
        if (pending.isEmpty()) {
            return;
        }
        try (Handle poll = pending.get(0).server().admin()) {
            for (ServerWork work : pending) {
                work.awaitHandedOver(poll);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the server cannot be asked: wait for the statements themselves, as before
            awaitAll(pending);
        }
    }

    private static List<ServerWork> takePending() {
        synchronized (PENDING) {
            List<ServerWork> pending = new ArrayList<>(PENDING);
            PENDING.clear();
            return pending;
        }
    }

    private static void awaitAll(List<ServerWork> pending) {
        for (ServerWork work : pending) {
            try {
                work.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // WITH (FORCE) (PostgreSQL 13+) also ends a session a learner's SQL may have left behind
    static void drop(Handle admin, String name) {
        admin.execute(dropStatement(admin, name));
    }

    private static String dropStatement(Handle admin, String name) {
        int version = admin.createQuery("SHOW server_version_num").mapTo(Integer.class).one();
        return "DROP DATABASE IF EXISTS " + name + (version >= 130000 ? " WITH (FORCE)" : "");
    }
}
