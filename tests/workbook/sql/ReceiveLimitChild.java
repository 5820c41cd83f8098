package workbook.sql;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A grader's JVM for {@link ReceiveLimitTest}, started with a small heap: runs each named attack on a
 * connection of its own, as the grader runs a student's statement, and prints one verdict line per attack
 * and the heap it took. Arguments: host, port, database, user, password, limit in bytes (0: no limit, to see
 * the attacks kill this JVM), sslmode, attack names.
 */
public final class ReceiveLimitChild {
    /** 100 MB: more than the child's whole heap, and quick for the server to make. */
    private static final String HUGE = "repeat('x', 100000000)";
    /** Each attack: statements run first (if any), then the one that must be stopped. */
    static Map<String, List<String>> attacks(long limit) {
        String almost = "repeat('x', " + limit * 15 / 16 + ")";
        return Map.of(
            "big-value", List.of("SELECT " + almost),
            "big-notice", List.of("DO $$ BEGIN RAISE NOTICE '%', " + almost + "; END $$"),
            "big-error", List.of("SET log_min_messages = panic", "DO $$ BEGIN RAISE EXCEPTION '%', " + almost + "; END $$"),
            "rows", List.of("SELECT repeat('x', 100000) FROM generate_series(1, 100000)"),
            "value", List.of("SELECT " + HUGE),
            "notice", List.of("DO $$ BEGIN RAISE NOTICE '%', " + HUGE + "; END $$"),
            // the server would also write a 100 MB error to its log, which the test server's log reader would hold
            "error", List.of("SET log_min_messages = panic", "DO $$ BEGIN RAISE EXCEPTION '%', " + HUGE + "; END $$"),
            // payloads differ: PostgreSQL delivers identical notifications of one transaction once
            "notifications", List.of("LISTEN c", "SELECT pg_notify('c', repeat('x', 7000) || i) FROM generate_series(1, 50000) i"),
            "tiny-notices", List.of("DO $$ BEGIN FOR i IN 1..10000000 LOOP RAISE NOTICE ''; END LOOP; END $$"),
            "tiny-notifications", List.of("LISTEN c", "SELECT count(pg_notify('c', i::text)) FROM generate_series(1, 1000000) i"));
    }

    private ReceiveLimitChild() {
    }

    public static void main(String[] args) throws SQLException {
        String url = "jdbc:postgresql://" + args[0] + ":" + args[1] + "/" + args[2];
        Properties properties = new Properties();
        properties.setProperty("user", args[3]);
        properties.setProperty("password", args[4]);
        long bytes = Long.parseLong(args[5]);
        if (!args[6].equals("default")) {
            properties.setProperty("sslmode", args[6]);
        }
        for (int i = 7; i < args.length; i++) {
            String attack = args[i];
            resetPeaks();
            long started = System.nanoTime();
            ReceiveLimit.Limited limited = bytes > 0 ? ReceiveLimit.connect(url, properties, bytes)
                    : new ReceiveLimit.Limited(DriverManager.getConnection(url, properties), null);
            Connection connection = limited.connection();
            String state = null;
            for (String sql : attacks(bytes).get(attack)) {
                // as the grader runs a student's statement
                StatementOutcome outcome = StatementExecutor.run(connection, sql).outcome();
                state = outcome instanceof StatementOutcome.Failed failed ? failed.sqlState() : "ok";
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            ReceiveLimit limit = limited.limit();
            System.out.println("attack=" + attack + " ms=" + millis + " state=" + state
                    + " exceeded=" + (limit != null && limit.exceeded()) + " closed=" + connection.isClosed()
                    + " peakHeapMB=" + peakHeapMegabytes() + " reason=" + (limit == null ? null : limit.reason()));
            System.out.flush();
            connection.close();
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** An upper bound of the heap used since the last reset: each heap pool's peak, added up. */
    private static long peakHeapMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
