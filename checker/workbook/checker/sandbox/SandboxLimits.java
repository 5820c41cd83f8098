package workbook.checker.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What untrusted SQL may use, each bound holding while it runs: time per statement (statement_timeout,
 * so a pg_sleep(3600) fails alone), waiting for a lock, idle in a transaction, and overall (the sessions
 * are ended then); temporary files; growth of its database on disk and locks held at once (watched by
 * {@link SandboxWatch}); tables, indexes, types and functions at once (refused by the database's event
 * trigger, {@link SandboxDatabase}: each can be locked, and the lock table is the server's); and bytes
 * the server may send back while one file runs, rows, notices and notifications alike
 * ({@link workbook.sql.ReceiveLimit}), which bounds the grader's memory.
 */
public record SandboxLimits(Duration statement, Duration lock, Duration idleInTransaction, Duration overall,
                            String tempFileLimit, long diskBytes, int locks, int objects, long receiveBytes) {
    public static final long MB = 1024 * 1024;

    /**
     * Limits for an overall budget: statements get a third of it (at most 10 s), so one slow statement cannot
     * eat it all. The rest are generous for exercises whose tables hold a few rows: 64 MB of disk and of
     * temporary files, 1,000 locks, 1,000 objects, 4 MB received per session between two resets (the
     * driver may hold about 8 times that while it decodes, so two sessions per job stay within 64 MB of heap).
     */
    public static SandboxLimits forOverall(Duration overall) {
        Duration statement = overall.dividedBy(3);
        if (statement.compareTo(Duration.ofSeconds(10)) > 0) {
            statement = Duration.ofSeconds(10);
        }
        if (statement.compareTo(Duration.ofMillis(500)) < 0) {
            statement = Duration.ofMillis(500);
        }
        return new SandboxLimits(statement, Duration.ofSeconds(2), overall, overall, "64MB", 64 * MB, 1000, 1000, 4 * MB);
    }

    /**
     * The role's settings, applied at each login, as ALTER ROLE ... SET takes them and pg_roles.rolconfig
     * shows them. Only a superuser may set the last three, so they are left out when the admin is not one:
     * temp_file_limit, and the server log's levels, so that a 300 MB RAISE WARNING or failing statement
     * does not land in a log that, for grading, lives in RAM.
     */
    List<String> roleSettings(boolean superuser) {
        List<String> settings = new ArrayList<>(List.of(
                "statement_timeout=" + statement.toMillis() + "ms",
                "lock_timeout=" + lock.toMillis() + "ms",
                "idle_in_transaction_session_timeout=" + idleInTransaction.toMillis() + "ms"));
        if (superuser) {
            settings.add("temp_file_limit=" + tempFileLimit);
            settings.add("log_min_messages=panic");
            settings.add("log_min_error_statement=panic");
        }
        return settings;
    }

    /** "64 MB", for messages. */
    static String megabytes(long bytes) {
        return (bytes / MB) + " MB";
    }
}
