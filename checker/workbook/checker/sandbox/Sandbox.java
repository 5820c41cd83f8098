package workbook.checker.sandbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.postgresql.PGConnection;
import workbook.db.ConnectionInfo;
import workbook.sql.ReceiveLimit;

/**
 * Where untrusted SQL runs, for one check run or one grading job: sessions as a {@link SandboxRole} on one
 * database at a time, the learner's (exercise files and reference solutions, default search_path) and the
 * judge's (the checks' reads and probes, search_path pinned), each lent out and reset when handed back.
 * While a turn runs (one submission, one check run) {@link SandboxWatch} holds it to its time, disk and
 * lock limits, and {@link ReceiveLimit} holds each session to the bytes it may receive; past one, the
 * sessions are ended and the reason kept for the checker to report.
 */
public final class Sandbox implements AutoCloseable {
    /** Fixes the role's password when a login finds it changed (a file may change its own role's). */
    public interface PasswordRepair {
        void repair() throws SQLException;
    }

    private record Session(String database, ReceiveLimit.Limited limited, int pid) {
        Connection connection() {
            return limited.connection();
        }
    }

    /** What {@link SandboxWatch} looks at, read at once. */
    record State(int turn, long deadline, String database, long baseline, List<Integer> pids) {
    }

    private final SandboxRole role;
    private final ConnectionInfo server;
    private final SandboxLimits limits;
    private final SandboxWatch watch;
    private final PasswordRepair passwordRepair;
    private Session learner;
    private Session judge;
    /** Backends the watch ended: their sessions are replaced at the next use. */
    private final Set<Integer> ended = new HashSet<>();
    private String database;
    private long baseline = -1;
    private int turn;
    private long deadline = Long.MAX_VALUE;
    /** Why turn {@link #stoppedTurn} was stopped (its time ran out); its sessions are refused while it runs. */
    private String stopped;
    private int stoppedTurn;
    /** Why a file's sessions were ended (disk, locks, bytes received), until the checker takes it. */
    private String limitHit;

    public Sandbox(SandboxRole role, ConnectionInfo server, SandboxLimits limits, SandboxWatch watch, PasswordRepair passwordRepair) {
        this.role = role;
        this.server = server;
        this.limits = limits;
        this.watch = watch;
        this.passwordRepair = passwordRepair;
    }

    public SandboxRole role() {
        return role;
    }

    public SandboxLimits limits() {
        return limits;
    }

    /**
     * The learner's session on {@code database}, where files and reference solutions run as written: lent
     * until closed, then reset (DISCARD ALL, as a new session would be) or replaced when it cannot be.
     */
    public Connection learner(String database) throws SQLException {
        Session s = session(database, false);
        s.limited().limit().reset(s.connection());
        return LentConnection.lend(s.connection(), () -> handBack(s, true));
    }

    /**
     * The judge's session on {@code database}: the checks read (and probe) here, search_path pinned. It is
     * reset when the turn ends, not at each hand-back: within a turn, what a student's planted code did to
     * it can only change that student's own verdicts.
     */
    public Connection judge(String database) throws SQLException {
        Session s = session(database, true);
        s.limited().limit().reset(s.connection());
        return LentConnection.lend(s.connection(), () -> handBack(s, false));
    }

    /**
     * Logs the learner's and the judge's sessions in to {@code database} side by side, the learner's on a
     * thread of its own: a login is mostly waiting (a backend forked, a SCRAM exchange), so two at once cost
     * about one. A login that fails here is tried again, and reported, at first use.
     */
    public void openSessions(String database) {
        Thread learnerLogin = new Thread(() -> {
            try {
                session(database, false);
            } catch (SQLException | RuntimeException tryAgainAtUse) {
                // learner() logs in again and says why it cannot
            }
        }, "sandbox login");
        learnerLogin.setDaemon(true);
        learnerLogin.start();
        try {
            session(database, true);
        } catch (SQLException tryAgainAtUse) {
            // judge() logs in again and says why it cannot
        } finally {
            try {
                learnerLogin.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The open session, or a new one. Only the thread that grades (or checks) uses the sessions; the watch
     * only reads which backends they are and marks ended ones, so the logins and resets, which wait for the
     * server, run outside the lock the watch needs.
     */
    private Session session(String database, boolean pinned) throws SQLException {
        Session s;
        synchronized (this) {
            if (stopped != null && stoppedTurn == turn) {
                throw new SQLException(stopped + "; its sessions were ended", "57014");
            }
            s = pinned ? judge : learner;
            if (s != null && s.database().equals(database) && !ended.contains(s.pid()) && !s.connection().isClosed()) {
                return s;
            }
        }
        if (s != null) {
            closeQuietly(s);
        }
        ReceiveLimit.Limited limited;
        try {
            limited = role.login(server, database, pinned, limits.receiveBytes());
        } catch (SQLException e) {
            if (passwordRepair == null || !SandboxRole.wrongPassword(e)) {
                throw e;
            }
            passwordRepair.repair();
            limited = role.login(server, database, pinned, limits.receiveBytes());
        }
        Session fresh = new Session(database, limited, limited.connection().unwrap(PGConnection.class).getBackendPID());
        synchronized (this) {
            if (s != null) {
                ended.remove(s.pid());
            }
            ended.remove(fresh.pid()); // the operating system may give a new backend an old one's pid
            if (pinned) {
                judge = fresh;
            } else {
                learner = fresh;
            }
            if (!database.equals(this.database)) {
                this.database = database;
                this.baseline = -1;
            }
        }
        return fresh;
    }

    private void handBack(Session s, boolean learnerSession) {
        boolean close;
        synchronized (this) {
            if (learnerSession && s.limited().limit().exceeded() && limitHit == null) {
                limitHit = s.limited().limit().reason();
            }
            close = s.limited().limit().exceeded() || ended.contains(s.pid());
        }
        if (close) {
            closeQuietly(s);
        } else if (learnerSession) {
            discardAll(s);
        }
    }

    /** Resets a session as a new one would be; one it cannot reset is closed, and replaced at the next use. */
    private static void discardAll(Session s) {
        try (Statement statement = s.connection().createStatement()) {
            statement.execute("DISCARD ALL");
        } catch (SQLException e) {
            closeQuietly(s);
        }
    }

    /** Starts a turn (one submission, or one check run): its time starts now, and the watch holds it to its limits. */
    public Turn startTurn() {
        int number;
        synchronized (this) {
            number = ++turn;
            stopped = null;
            limitHit = null;
            deadline = System.nanoTime() + limits.overall().toNanos();
        }
        watch.add(this);
        return new Turn(number);
    }

    /** One turn; closing it ends the watch over it, so a limit passed late cannot stop the next one. */
    public final class Turn implements AutoCloseable {
        private final int number;

        private Turn(int number) {
            this.number = number;
        }

        @Override
        public void close() {
            watch.remove(Sandbox.this);
            Session checks;
            synchronized (Sandbox.this) {
                if (turn == number) {
                    turn++;
                    deadline = Long.MAX_VALUE;
                }
                checks = judge != null && !ended.contains(judge.pid()) ? judge : null;
            }
            if (checks != null) {
                discardAll(checks); // the next turn's checks meet the session as it was made
            }
        }
    }

    /** Why the running turn was stopped, when its time ran out; nothing once that turn is closed. */
    public synchronized Optional<String> stopped() {
        return stoppedTurn == turn ? Optional.ofNullable(stopped) : Optional.empty();
    }

    /** Why the last file's sessions were ended (disk, locks, bytes received), once: the next file starts afresh. */
    public synchronized Optional<String> takeLimitHit() {
        String hit = limitHit;
        limitHit = null;
        return Optional.ofNullable(hit);
    }

    synchronized State state() {
        List<Integer> pids = new ArrayList<>();
        for (Session s : new Session[] {learner, judge}) {
            if (s != null && !ended.contains(s.pid())) {
                pids.add(s.pid());
            }
        }
        return new State(turn, deadline, database, baseline, pids);
    }

    synchronized void baseline(String database, long bytes) {
        if (database.equals(this.database) && baseline < 0) {
            baseline = bytes;
        }
    }

    /** The watch found turn {@code number}'s time up; returns the backends to end (none when that turn is over). */
    synchronized List<Integer> stop(int number, String why) {
        if (number != turn || (stopped != null && stoppedTurn == turn)) {
            return List.of();
        }
        stopped = why;
        stoppedTurn = number;
        return endSessions();
    }

    /** The watch found a limit passed during turn {@code number}; returns the backends to end. */
    synchronized List<Integer> hit(int number, String why) {
        if (number != turn) {
            return List.of();
        }
        if (limitHit == null) {
            limitHit = why;
        }
        return endSessions();
    }

    private List<Integer> endSessions() {
        List<Integer> pids = state().pids();
        ended.addAll(pids);
        return pids;
    }

    /** The backends of this sandbox's open sessions, which a reset of their database must leave alone. */
    public List<Integer> pids() {
        return state().pids();
    }

    /** Closes the sessions (before their database is dropped or renamed); the next use opens new ones. */
    public void closeSessions() {
        Session[] open;
        synchronized (this) {
            open = new Session[] {learner, judge};
            learner = null;
            judge = null;
            database = null;
        }
        for (Session s : open) {
            if (s != null) {
                closeQuietly(s);
            }
        }
    }

    private static void closeQuietly(Session s) {
        try {
            s.connection().close();
        } catch (SQLException ignored) {
            // the session is gone either way
        }
    }

    @Override
    public void close() {
        watch.remove(this);
        closeSessions();
    }
}
