package workbook.scale;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import workbook.db.LabServer;
import workbook.db.ServerAdmin;
import workbook.terminal.BarChart;

/**
 * How far a replica is behind its primary, sampled every few milliseconds from the primary's
 * pg_stat_replication while something writes: the WAL bytes sent but not yet replayed, and PostgreSQL's own
 * replay_lag (the time from a commit's flush to its replay on the standby).
 */
public final class ReplicationLag extends Watcher {
    private static final long EVERY_MILLIS = 20;

    /** One look: when (ms after the start), bytes not yet replayed, replay_lag in ms. */
    public record Sample(double atMillis, long bytesBehind, double lagMillis) {
    }

    private final String replica;
    private final List<Sample> samples = new ArrayList<>();
    private final long start = System.nanoTime();

    private ReplicationLag(Connection connection, String replica) {
        super(connection, EVERY_MILLIS, "lab-replication-lag");
        this.replica = replica;
    }

    /** Starts sampling on the primary the replica named {@code replica} (its application_name). */
    public static ReplicationLag watch(LabServer primary, LabServer replica) throws SQLException {
        ReplicationLag lag = new ReplicationLag(ServerAdmin.connect(primary.connection(), 10), replica.name().replaceAll("[^a-z0-9_]", "_"));
        lag.begin();
        return lag;
    }

    @Override
    PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement st = connection.prepareStatement("SELECT pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_current_wal_lsn(), replay_lsn)::bigint,"
                + " COALESCE(EXTRACT(epoch FROM replay_lag) * 1000, 0) FROM pg_catalog.pg_stat_replication WHERE application_name = ?");
        st.setString(1, replica);
        return st;
    }

    @Override
    void sample(ResultSet rows) throws SQLException {
        if (rows.next()) {
            synchronized (samples) {
                samples.add(new Sample((System.nanoTime() - start) / 1e6, rows.getLong(1), rows.getDouble(2)));
            }
        }
    }

    /**
     * Waits until the replica has replayed everything the primary had written when this was called (its
     * current WAL position), for at most {@code timeoutMillis}: the "wait for my write" fix of read-your-writes.
     * Returns the milliseconds it waited, or -1 if the replica did not get there in time.
     */
    public static double awaitReplay(LabServer primary, LabServer replica, long timeoutMillis) throws SQLException, InterruptedException {
        try (Connection p = ServerAdmin.connect(primary.connection(), 10); Connection r = ServerAdmin.connect(replica.connection(), 10)) {
            long start = System.nanoTime(); // the wait, not the two logins
            String lsn;
            try (ResultSet rs = p.createStatement().executeQuery("SELECT pg_catalog.pg_current_wal_lsn()::text")) {
                rs.next();
                lsn = rs.getString(1);
            }
            try (PreparedStatement st = r.prepareStatement("SELECT pg_catalog.pg_last_wal_replay_lsn() >= ?::pg_lsn")) {
                st.setString(1, lsn);
                while (true) {
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        if (rs.getBoolean(1)) {
                            return (System.nanoTime() - start) / 1e6;
                        }
                    }
                    if (System.nanoTime() - start > timeoutMillis * 1_000_000) {
                        return -1;
                    }
                    Thread.sleep(1); // a replica on the same machine catches up within milliseconds
                }
            }
        }
    }

    public List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** The most bytes the replica was behind, over all samples. */
    public long maxBytesBehind() {
        return samples().stream().mapToLong(Sample::bytesBehind).max().orElse(0);
    }

    /** The largest replay_lag seen, in ms. */
    public double maxLagMillis() {
        return samples().stream().mapToDouble(Sample::lagMillis).max().orElse(0);
    }

    /** Lag over time: the samples cut into {@code slices} equal stretches, each bar the largest replay_lag in it. */
    public BarChart chart(int slices) {
        List<Sample> all = samples();
        BarChart chart = BarChart.of("Replica lag over time (largest replay_lag in each stretch)", "ms");
        if (all.isEmpty()) {
            return chart;
        }
        double end = all.get(all.size() - 1).atMillis();
        for (int s = 0; s < slices; s++) {
            double from = end * s / slices;
            double to = end * (s + 1) / slices;
            double max = all.stream().filter(x -> x.atMillis() >= from && (x.atMillis() < to || to == end))
                    .mapToDouble(Sample::lagMillis).max().orElse(0);
            chart = chart.with(String.format(Locale.ROOT, "%.1f s", to / 1000), max);
        }
        return chart;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d samples: replica behind by at most %,d bytes of WAL, replay_lag at most %.1f ms",
                samples().size(), maxBytesBehind(), maxLagMillis());
    }
}
