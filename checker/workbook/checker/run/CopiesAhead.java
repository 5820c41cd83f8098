package workbook.checker.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;

/**
 * The server work of a process that lives on between checks ({@code check --watch}), on one thread and one
 * admin session: it keeps {@link #POOL} spare copies of the state the checks start from, and drops the
 * copies they are done with. Spares come first: a save finds its copy ready, and a DROP DATABASE (a
 * checkpoint on PostgreSQL 14, most of a second on a busy disk) waits until no save wants the disk. Each
 * copy is made under the spare lock {@link ScratchDatabase} waits on, as with a one-off check's spare.
 */
final class CopiesAhead {
    /** Spares kept: a second covers a save that comes while the first is being made. */
    static final int POOL = 2;

    /** Every one not yet handed over, for the shutdown hook (Ctrl-C ends --watch). */
    private static final Set<CopiesAhead> LIVE = ConcurrentHashMap.newKeySet();

    private final ServerAccess server;
    private final Deque<String> drops = new ArrayDeque<>();
    private final Thread thread;
    /** The reference state whose spares are kept, null before the first check. */
    private String kept;
    /** Whether every spare of {@link #kept} was there at the last look. */
    private boolean full;
    private boolean closed;

    CopiesAhead(ServerAccess server) {
        this.server = server;
        this.thread = new Thread(this::work, "copies ahead");
        thread.setDaemon(true);
        thread.start();
        LIVE.add(this);
    }

    /** Hands over the drops of every one of this process (its end is near). */
    static void handOverAll() {
        LIVE.forEach(CopiesAhead::handOver);
    }

    /** A check just claimed a spare of {@code state} (a reference state's database): make up the pool. */
    synchronized void keepSparesOf(String state) {
        kept = state;
        full = false;
        notifyAll();
    }

    /** Drops {@code copy} once no spare is wanted. */
    synchronized void drop(String copy) {
        drops.add(copy);
        notifyAll();
    }

    /** Whether the drop of {@code copy} is queued here, so a sweep need not ask for it again. */
    synchronized boolean dropping(String copy) {
        return drops.contains(copy);
    }

    /** The names the checks claim spares by, the one a one-off check makes first. */
    static List<String> spares(String state) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= POOL; i++) {
            names.add(state + "_spare" + (i == 1 ? "" : "_" + i));
        }
        return names;
    }

    private void work() {
        Handle admin = null;
        try {
            while (true) {
                String state;
                String copy;
                synchronized (this) {
                    while (!closed && (kept == null || full) && drops.isEmpty()) {
                        wait();
                    }
                    if (closed) {
                        return;
                    }
                    state = kept != null && !full ? kept : null;
                    copy = state == null ? drops.peek() : null;
                }
                try {
                    if (admin == null) {
                        admin = server.admin();
                    }
                    if (state != null) {
                        makeSpare(admin, state);
                    } else {
                        ScratchDatabase.drop(admin, copy);
                    }
                } catch (RuntimeException e) {
                    // the server is busy or went away: a check then makes its own copy, and a sweep drops what is left
                    if (admin != null) {
                        admin.close();
                        admin = null;
                    }
                    if (state != null) {
                        synchronized (this) {
                            full = true; // tried again when the next check claims a copy, not in a loop
                        }
                    }
                }
                if (copy != null) {
                    synchronized (this) {
                        drops.remove(copy);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (admin != null) {
                admin.close();
            }
        }
    }

    /** Makes the first missing spare of {@code state}; when none is missing, the pool is full. */
    private void makeSpare(Handle admin, String state) {
        for (String spare : spares(state)) {
            if (!ScratchDatabase.exists(admin, spare)) {
                ScratchDatabase.makeSpare(admin, state, spare);
                return;
            }
        }
        synchronized (this) {
            if (state.equals(kept)) {
                full = true;
            }
        }
    }

    /**
     * The process ends: the drops not yet made are handed to the server as a one-off check's are, and the
     * thread stops (a copy it was making, the server finishes).
     */
    void handOver() {
        LIVE.remove(this);
        List<String> left;
        synchronized (this) {
            closed = true;
            left = new ArrayList<>(drops);
            drops.clear();
            notifyAll();
        }
        left.forEach(copy -> ScratchDatabase.dropLater(server, copy));
    }
}
