package workbook.sql;

/**
 * What an exception says in one line, for the one-line errors the workbook prints: the innermost cause
 * (where "Connection refused" or PostgreSQL's own message is) and the first line of a message (the rest is
 * a driver's multi-line detail or a stack of wrappers). It sits in the bottom package so every layer can use it.
 */
public final class ExceptionText {

    private ExceptionText() {
    }

    /** The last exception of the cause chain; a chain that loops back on itself ends where it loops. */
    public static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The first line of {@code e}'s own message, trimmed to go inside a sentence; its class's simple name when it has no message. */
    public static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }

    /**
     * The first line of what a wrapper wraps, or of {@code e} when it wraps nothing: Jdbi's exceptions wrap the
     * driver's, whose first line names the server ("Connection to localhost:5432 refused ...") where the root
     * cause would only say "Connection refused".
     */
    public static String causeLine(Throwable e) {
        return firstLine(e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e);
    }

    /** The first line of the root cause's message: what went wrong, without the wrappers around it. */
    public static String rootLine(Throwable e) {
        return firstLine(rootCause(e));
    }
}
