package workbook.checker.run;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
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
    /** The first key of the lock a spare's copy holds while it is made. */
    private static final int SPARE_LOCK_SPACE = 19;
    /** How long a run waits for a spare under way before it makes its own copy (a copy takes a second at worst on a busy disk). */
    private static final int SPARE_WAIT_SECONDS = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<ServerWork> PENDING = new ArrayList<>();
    private static final Set<ScratchDatabase> OPEN = ConcurrentHashMap.newKeySet();

    static {
        // Ctrl-C (in --watch, or mid-check) skips finally blocks; the copies still go, the server finishing the drops
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // the process ends, and the kept session's locks with it: no unlock, which could wait on a statement of the main thread
            OPEN.forEach(scratch -> scratch.close(false));
            CopiesAhead.handOverAll();
            handOverDrops(false);
        }, "drop scratch databases"));
    }

    private final ServerAccess server;
    private final String name;
    /** Whether the admin's kept session holds the copy's lock while this run uses it (background drops). */
    private final boolean locked;
    /** The session its drop goes to, logged in while the run works (a one-off check's copy), else null. */
    private final ServerWork dropAhead;

    private ScratchDatabase(ServerAccess server, String name, boolean locked) {
        this.server = server;
        this.name = name;
        this.locked = locked;
        this.dropAhead = locked && server.copiesAhead().isEmpty() ? ServerWork.ahead(server, "drop " + name) : null;
    }

    /**
     * A new wb_scratch_... database holding reference state {@code state} of {@code set} (the tasks done),
     * made by {@link ServerAccess#createScratchDatabase}; for a learner, a spare copy made after the
     * previous check is renamed instead (a catalog update, where a copy writes and syncs every file).
     */
    public static ScratchDatabase holding(ServerAccess server, TaskSet set, int state) {
        String name = PREFIX + (System.currentTimeMillis() / 1000) + "_" + Integer.toHexString(RANDOM.nextInt(1 << 24));
        boolean locked = false;
        if (server.backgroundDrops()) {
            name += LOCKED;
            // on the admin's kept session: the lock lasts until close() gives it back, or the process is gone
            try (Handle admin = server.adminSession()) {
                // locked before the copy exists, so no sweep ever sees it unheld while this run lives
                admin.execute("SELECT pg_catalog.pg_advisory_lock(?, pg_catalog.hashtext(?))", LOCK_SPACE, name);
                locked = true;
                if (!claimSpare(admin, server.referenceState(set, state), name)) {
                    server.createScratchDatabase(name, set, state);
                }
            } catch (RuntimeException e) {
                if (locked) {
                    unlock(server, name);
                }
                throw e;
            }
        } else {
            server.createScratchDatabase(name, set, state);
        }
        ScratchDatabase scratch = new ScratchDatabase(server, name, locked);
        OPEN.add(scratch);
        return scratch;
    }

    private static void unlock(ServerAccess server, String name) {
        try (Handle admin = server.adminSession()) {
            admin.execute("SELECT pg_catalog.pg_advisory_unlock(?, pg_catalog.hashtext(?))", LOCK_SPACE, name);
        } catch (RuntimeException ignored) {
            // the session is gone, and its locks with it
        }
    }

    public String name() {
        return name;
    }

    /** The names of the workbook's databases on the server (wb_...): reference states, spares, scratch copies. */
    static List<String> workbookDatabases(Handle admin) {
        return admin.createQuery("SELECT d.datname FROM pg_catalog.pg_database AS d WHERE d.datname OPERATOR(pg_catalog.~~) 'wb\\_%'")
                .mapTo(String.class).list();
    }

    /**
     * Drops the leftovers of runs that were killed: copies older than an hour, and at once those whose run's
     * lock the server has let go of (with background drops, on a thread of their own like this run's drops).
     * {@code admin} is a session of the admin's on the server's lesson database; {@code databases} the
     * workbook's databases as it saw them a moment ago.
     */
    public static void dropLeftovers(ServerAccess server, Handle admin, List<String> databases) {
        long hourAgo = System.currentTimeMillis() / 1000 - 3600;
        try {
            for (String old : databases) {
                if (!old.startsWith(PREFIX)) {
                    continue;
                }
                String[] parts = old.substring(PREFIX.length()).split("_");
                if (parts[0].matches("\\d+") && Long.parseLong(parts[0]) < hourAgo) {
                    drop(admin, old);
                } else if (server.backgroundDrops() && old.endsWith(LOCKED) && !ownDrop(server, old) && ownerGone(admin, old)) {
                    dropLater(server, old);
                }
            }
        } catch (RuntimeException ignored) {
            // housekeeping only; a check run does not fail for it
        }
    }

    /**
     * Whether {@code name} is this process's own: in use (the lock is this session's, so the server would grant it
     * here too), or its drop already asked for (in --watch it waits until no save wants the disk).
     */
    private static boolean ownDrop(ServerAccess server, String name) {
        if (OPEN.stream().anyMatch(open -> open.name.equals(name)) || server.copiesAhead().map(a -> a.dropping(name)).orElse(false)) {
            return true;
        }
        synchronized (PENDING) {
            return PENDING.stream().anyMatch(work -> !work.done() && work.name().equals("drop " + name));
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
        close(true);
    }

    private void close(boolean unlock) {
        if (!OPEN.remove(this)) {
            return;
        }
        if (!server.backgroundDrops()) {
            server.dropScratchDatabase(name);
            return;
        }
        Optional<CopiesAhead> ahead = unlock ? server.copiesAhead() : Optional.empty();
        if (ahead.isPresent()) {
            ahead.get().drop(name);
        } else if (dropAhead != null) {
            dropAhead.run(admin -> Optional.of(dropStatement(admin, name)));
            pending(dropAhead);
        } else {
            dropLater(server, name);
        }
        // a sweep that now finds the lock free drops it too, if this drop has not: DROP ... IF EXISTS either way
        if (locked && unlock) {
            unlock(server, name);
        }
    }

    /**
     * Copies reference state {@code state} of {@code set} to a spare in the background, so the next check
     * (the next save in --watch, or the next command) starts without waiting for a copy. At most one spare per
     * state. The copy holds a lock of its own while it is made, which {@link #holding} waits on rather than
     * make a second copy beside it on the same disk.
     */
    public static void prepareSpare(ServerAccess server, TaskSet set, int state) {
        prepareSpare(server, set, state, Optional.empty());
    }

    /**
     * The session the next spare of state {@code state} will be copied on, logged in now, beside the run (a
     * one-off check's), so that after the verdict the copy is in the server's hands a round trip later, not a
     * login later; empty for --watch, whose {@link CopiesAhead} keeps the spares. Hand it to {@link #prepareSpare}
     * whatever the run came to.
     */
    static Optional<ServerWork> spareSession(ServerAccess server, TaskSet set, int state) {
        return server.backgroundDrops() && server.copiesAhead().isEmpty()
                ? Optional.of(ServerWork.ahead(server, "spare of " + server.referenceState(set, state))) : Optional.empty();
    }

    static void prepareSpare(ServerAccess server, TaskSet set, int state, Optional<ServerWork> session) {
        String kept = server.referenceState(set, state);
        Optional<CopiesAhead> ahead = server.copiesAhead();
        if (ahead.isPresent()) {
            ahead.get().keepSparesOf(kept);
            return;
        }
        String spare = spareOf(kept);
        Function<Handle, Optional<String>> copy = admin -> {
            // held until this session ends, after the copy (or, when this process exits first, once the server has made it)
            admin.execute("SELECT pg_catalog.pg_advisory_lock(?, pg_catalog.hashtext(?))", SPARE_LOCK_SPACE, spare);
            return exists(admin, spare) ? Optional.empty() : Optional.of("CREATE DATABASE " + spare + " TEMPLATE " + kept);
        };
        if (session.isPresent()) {
            session.get().run(copy);
            pending(session.get());
        } else {
            pending(new ServerWork(server, "spare of " + kept, copy));
        }
    }

    /** Copies reference state database {@code kept} to {@code spare} on {@code admin}, the spare lock held meanwhile. */
    static void makeSpare(Handle admin, String kept, String spare) {
        admin.execute("SELECT pg_catalog.pg_advisory_lock(?, pg_catalog.hashtext(?))", SPARE_LOCK_SPACE, spare);
        try {
            if (!exists(admin, spare)) {
                admin.execute("CREATE DATABASE " + spare + " TEMPLATE " + kept);
            }
        } finally {
            admin.execute("SELECT pg_catalog.pg_advisory_unlock(?, pg_catalog.hashtext(?))", SPARE_LOCK_SPACE, spare);
        }
    }

    /** Drops {@code name} on a thread and a session of its own, which the server finishes even if this process exits first. */
    static void dropLater(ServerAccess server, String name) {
        pending(new ServerWork(server, "drop " + name, admin -> Optional.of(dropStatement(admin, name))));
    }

    private static void pending(ServerWork work) {
        synchronized (PENDING) {
            // --watch hands nothing over between saves: what is done is forgotten here, so the list stays short
            PENDING.removeIf(ServerWork::done);
            PENDING.add(work);
        }
    }

    static boolean exists(Handle admin, String database) {
        return admin.createQuery("SELECT count(*) FROM pg_catalog.pg_database AS d WHERE d.datname OPERATOR(pg_catalog.=) :n")
                .bind("n", database).mapTo(Integer.class).one() > 0;
    }

    // the spare's name starts with its state's, so the spares of stale states are dropped with them
    private static String spareOf(String kept) {
        return kept + "_spare";
    }

    /**
     * Renames the spare of {@code kept} to {@code name}: one round trip when it is ready. When it is not, a copy
     * may be under way (made after the previous check, in this process or one that has exited): waiting for it
     * beats making a second copy beside it, which would share the disk and the checkpoints with it.
     */
    private static boolean claimSpare(Handle admin, String kept, String name) {
        for (String spare : CopiesAhead.spares(kept)) {
            if (renamed(admin, spare, name)) {
                return true;
            }
        }
        try {
            // returns at once when no copy is under way; a copy that hangs is given up on, and this run makes its own
            admin.createQuery("SELECT 1 FROM pg_catalog.pg_advisory_xact_lock_shared(:space, pg_catalog.hashtext(:n)) AS w")
                    .bind("space", SPARE_LOCK_SPACE).bind("n", spareOf(kept)).setQueryTimeout(SPARE_WAIT_SECONDS).mapTo(Integer.class).one();
        } catch (RuntimeException waitedEnough) {
            return false;
        }
        return renamed(admin, spareOf(kept), name);
    }

    private static boolean renamed(Handle admin, String spare, String name) {
        try {
            admin.execute("ALTER DATABASE " + spare + " RENAME TO " + name);
            return true;
        } catch (RuntimeException missingOrRaced) {
            // not made yet, or another check claimed it a moment earlier
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
        handOverDrops(true);
    }

    /** @param keptSession whether to ask on the server's kept admin session; not from the shutdown hook, which must not wait on the main thread */
    private static void handOverDrops(boolean keptSession) {
        List<ServerWork> pending = takePending();
        pending.removeIf(ServerWork::done);
        if (pending.isEmpty()) {
            return;
        }
        ServerAccess server = pending.get(0).server();
        try (Handle poll = keptSession ? server.adminSession() : server.admin()) {
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
        int major;
        try {
            major = admin.getConnection().getMetaData().getDatabaseMajorVersion(); // told at login: no round trip
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell the server's version: " + e.getMessage(), e);
        }
        return "DROP DATABASE IF EXISTS " + name + (major >= 13 ? " WITH (FORCE)" : "");
    }
}
