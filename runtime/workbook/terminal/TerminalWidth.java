package workbook.terminal;

/** How wide prose and tables may be: the terminal's width, else $COLUMNS, else 100; never over 100, for readability. */
public final class TerminalWidth {
    public static final int READABLE = 100;

    /** The served command's $COLUMNS while the helper runs one (see {@link Console#serve}). */
    private static volatile String servedColumns;
    private static volatile boolean serving;

    private TerminalWidth() {
    }

    static void serve(String columns) {
        servedColumns = columns;
        serving = true;
    }

    static void release() {
        serving = false;
        servedColumns = null;
    }

    /** $COLUMNS of the command running now: this process's, or the served command's. */
    private static String columnsVariable() {
        return serving ? servedColumns : System.getenv("COLUMNS");
    }

    /** @param terminalColumns the width a terminal reports (JLine), or 0 when there is none */
    public static int columns(int terminalColumns) {
        int columns = terminalColumns > 0 ? terminalColumns : fromEnvironment();
        return Math.min(READABLE, columns);
    }

    /**
     * How wide result tables may be: the whole terminal, else $COLUMNS, else 160 when nobody watches
     * (CI logs, exports), so UUIDs and timestamps are not cut.
     */
    public static int forTables(int terminalColumns) {
        if (terminalColumns > 0) {
            return terminalColumns;
        }
        String env = columnsVariable();
        return env == null || env.isBlank() ? 160 : fromEnvironment();
    }

    /**
     * How wide a printed line may be: the terminal's width, else $COLUMNS (./jbang sets it from the terminal it
     * runs in), else no limit: a pipe or a log has no width to fit, and a one-line error stays one line there.
     */
    public static int forLines(int terminalColumns) {
        if (terminalColumns > 0) {
            return terminalColumns;
        }
        String env = columnsVariable();
        return env == null || env.isBlank() ? Integer.MAX_VALUE : fromEnvironment();
    }

    private static int fromEnvironment() {
        try {
            String env = columnsVariable();
            return env == null || env.isBlank() ? READABLE : Math.max(20, Integer.parseInt(env.strip()));
        } catch (NumberFormatException e) {
            return READABLE;
        }
    }
}
