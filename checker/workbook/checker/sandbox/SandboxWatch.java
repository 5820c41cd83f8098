package workbook.checker.sandbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import workbook.db.ConnectionInfo;

/**
 * Holds running sandboxes to the limits PostgreSQL cannot enforce on its own, every {@link #TICK_MILLIS} ms
 * from one admin session: the turn's overall time, the growth of its database on disk (temp_file_limit does
 * not cover tables) and the locks its sessions hold (the lock table is shared by the whole server). Past
 * one, the sandbox's sessions are ended (pg_terminate_backend: a PL/pgSQL block can catch a cancel, never
 * a terminate), and the sandbox keeps the reason. What one tick lets through is what a statement can
 * write or lock in that time.
 */
public final class SandboxWatch implements AutoCloseable {
    static final long TICK_MILLIS = 25;
    /** Sizes of the databases (a name that no longer exists gives no row) and locks per backend, in one round trip. */
    private static final String MEASURE = "SELECT 'd:' OPERATOR(pg_catalog.||) d.datname, pg_catalog.pg_database_size(d.oid)"
            + " FROM pg_catalog.pg_database AS d WHERE d.datname OPERATOR(pg_catalog.=) ANY (CAST(? AS pg_catalog.text[]))"
            + " UNION ALL SELECT 'l:' OPERATOR(pg_catalog.||) l.pid, pg_catalog.count(*) FROM pg_catalog.pg_locks AS l"
            + " WHERE l.pid OPERATOR(pg_catalog.=) ANY (?) GROUP BY l.pid";
    private static final String END = "SELECT pg_catalog.pg_terminate_backend(p) FROM pg_catalog.unnest(?) AS p";

    private final ConnectionInfo admin;
    private final Set<Sandbox> watched = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sandbox watch");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> ticking;
    private Connection connection;

    /** @param admin a role that may end the sandboxes' sessions (a superuser, or a member of their roles) */
    public SandboxWatch(ConnectionInfo admin) {
        this.admin = admin;
    }

    synchronized void add(Sandbox sandbox) {
        watched.add(sandbox);
        if (ticking == null) {
            ticking = ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    void remove(Sandbox sandbox) {
        watched.remove(sandbox);
    }

    /** One look at every watched sandbox: the time first, then their databases' sizes and their sessions' locks in one query. */
    private void tick() {
        try {
            List<Sandbox.State> running = new ArrayList<>();
            List<Sandbox> measured = new ArrayList<>();
            for (Sandbox sandbox : watched) {
                Sandbox.State state = sandbox.state();
                if (System.nanoTime() > state.deadline()) {
                    end(sandbox.stop(state.turn(), "the time limit of " + sandbox.limits().overall().toSeconds() + " s ran out"));
                } else if (state.database() != null && !state.pids().isEmpty()) {
                    running.add(state);
                    measured.add(sandbox);
                }
            }
            if (!running.isEmpty()) {
                Map<String, Long> measures = measure(running);
                for (int i = 0; i < running.size(); i++) {
                    check(measured.get(i), running.get(i), measures);
                }
            }
        } catch (SQLException | RuntimeException e) {
            closeConnection(); // a new session at the next tick; a tick that fails misses one look, no more
        }
    }

    /** "d:NAME" to the database's size in bytes, "l:PID" to the locks that backend holds. */
    private Map<String, Long> measure(List<Sandbox.State> states) throws SQLException {
        Connection c = connection();
        Map<String, Long> measures = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(MEASURE)) {
            s.setArray(1, c.createArrayOf("text", states.stream().map(Sandbox.State::database).distinct().toArray()));
            s.setArray(2, c.createArrayOf("int4", states.stream().flatMap(state -> state.pids().stream()).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    measures.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return measures;
    }

    private void check(Sandbox sandbox, Sandbox.State state, Map<String, Long> measures) throws SQLException {
        SandboxLimits limits = sandbox.limits();
        Long size = measures.get("d:" + state.database());
        if (size == null) {
            return; // dropped or renamed a moment ago
        }
        long locks = state.pids().stream().mapToLong(pid -> measures.getOrDefault("l:" + pid, 0L)).sum();
        if (state.baseline() < 0) {
            sandbox.baseline(state.database(), size);
            return;
        }
        if (size - state.baseline() > limits.diskBytes()) {
            end(sandbox.hit(state.turn(), "its database grew by " + SandboxLimits.megabytes(size - state.baseline())
                    + ", more than the " + SandboxLimits.megabytes(limits.diskBytes()) + " a submission may use"));
        } else if (locks > limits.locks()) {
            end(sandbox.hit(state.turn(), "it held " + locks + " locks at once, more than the " + limits.locks() + " a submission may hold"));
        }
    }

    private void end(List<Integer> pids) throws SQLException {
        if (pids.isEmpty()) {
            return;
        }
        Connection c = connection();
        try (PreparedStatement s = c.prepareStatement(END)) {
            Array array = c.createArrayOf("int4", pids.toArray());
            s.setArray(1, array);
            s.execute();
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            Properties props = new Properties();
            props.setProperty("user", admin.user());
            props.setProperty("password", admin.password());
            props.setProperty("ApplicationName", "workbook sandbox watch");
            connection = DriverManager.getConnection(admin.jdbcUrl(), PinnedSearchPath.add(props));
        }
        return connection;
    }

    private void closeConnection() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // replaced at the next tick
        }
        connection = null;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeConnection();
    }
}
