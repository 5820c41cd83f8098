package workbook.scale;

import java.util.Arrays;
import java.util.Locale;

/**
 * What one load run measured: requests and wall time, each request's latency, the failures, the peak of the
 * application's backends in pg_stat_activity while it ran, and the logins (server processes started) it cost.
 */
public record LoadResult(String name, int requests, double seconds, long[] latencyNanos, int failed, int peakBackends, long logins) {

    public LoadResult {
        latencyNanos = latencyNanos.clone();
        Arrays.sort(latencyNanos);
    }

    public double requestsPerSecond() {
        return requests / seconds;
    }

    /** The latency below which {@code percent} of the requests finished, in milliseconds (nearest rank). */
    public double percentileMillis(double percent) {
        if (latencyNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100 * latencyNanos.length);
        return latencyNanos[Math.max(0, Math.min(latencyNanos.length, rank) - 1)] / 1e6;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %,d requests in %.1f s = %,.0f requests/s; latency p50 %.2f ms, p95 %.2f ms, p99 %.2f ms;"
                        + " %d failed; peak backends %d; logins %,d",
                name, requests, seconds, requestsPerSecond(), percentileMillis(50), percentileMillis(95), percentileMillis(99),
                failed, peakBackends, logins);
    }
}
