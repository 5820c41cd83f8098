package workbook;


/**
 * A failure the user can act on. Its message is the one line they see: what failed, the object named,
 * the next step. The stack trace is shown only with --verbose.
 */
public class UserError extends RuntimeException {
    private final int exitCode;

    public UserError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public UserError(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static UserError badInput(String message) {
        return new UserError(ExitCode.BAD_INPUT, message);
    }

    public static UserError environment(String message, Throwable cause) {
        return new UserError(ExitCode.ENVIRONMENT, message, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}
