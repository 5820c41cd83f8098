package workbook;

/** The fixed exit codes every workbook command uses, so scripts and graders can rely on them. */
public final class ExitCode {
    public static final int OK = 0;
    /** Checks ran and some failed. */
    public static final int CHECKS_FAILED = 1;
    /** The user's input was wrong: an option, a file, a URL. */
    public static final int BAD_INPUT = 2;
    /** The environment is not ready: no database answers, Docker stopped, a port is taken. */
    public static final int ENVIRONMENT = 3;

    private ExitCode() {
    }
}
