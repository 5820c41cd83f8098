package workbook.grading;

import java.time.Duration;

/**
 * How long a submission may run: per statement (PostgreSQL's statement_timeout, so a pg_sleep(3600)
 * or a billion-row query fails alone), waiting for a lock, idle inside a transaction, and overall
 * (the grader ends the submission's sessions then). Temporary files are capped too.
 */
public record SandboxLimits(Duration statement, Duration lock, Duration idleInTransaction, Duration overall, String tempFileLimit) {

    /** Limits for an overall budget: statements get a third of it (at most 10 s), so one slow statement cannot eat it all. */
    public static SandboxLimits forOverall(Duration overall) {
        Duration statement = overall.dividedBy(3);
        if (statement.compareTo(Duration.ofSeconds(10)) > 0) {
            statement = Duration.ofSeconds(10);
        }
        if (statement.compareTo(Duration.ofMillis(500)) < 0) {
            statement = Duration.ofMillis(500);
        }
        return new SandboxLimits(statement, Duration.ofSeconds(2), overall, overall, "256MB");
    }

    /** The role's defaults, applied at each login: ALTER ROLE r SET ... for each of these. */
    String[][] roleSettings() {
        return new String[][] {
                {"statement_timeout", statement.toMillis() + "ms"},
                {"lock_timeout", lock.toMillis() + "ms"},
                {"idle_in_transaction_session_timeout", idleInTransaction.toMillis() + "ms"},
        };
    }
}
