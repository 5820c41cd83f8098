package workbook.sql;

import java.util.List;

/**
 * One statement's run in full: its outcome, the notices and warnings PostgreSQL sent on the way
 * (e.g. {@code relation "users" already exists, skipping}), the error's CONTEXT and the time it took.
 *
 * @param context where inside a function or DO block an error happened, null if not applicable
 */
public record Execution(StatementOutcome outcome, List<ServerNotice> messages, String context, long elapsedMillis) {
    public Execution {
        messages = List.copyOf(messages);
    }

    /** The messages as psql prints them, severity first ({@code NOTICE:  ...}, {@code WARNING:  ...}). */
    public List<String> noticeLines() {
        return messages.stream().map(ServerNotice::line).toList();
    }
}
