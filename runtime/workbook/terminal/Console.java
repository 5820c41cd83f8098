package workbook.terminal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * All terminal output of the workbook goes through here: plain lines, marks (✓ ✗ !), colours and errors.
 * Colours are on only for a real terminal, and never when NO_COLOR is set (https://no-color.org).
 */
public final class Console {
    private static final Console SYSTEM = new Console(
            new PrintStream(System.out, true, StandardCharsets.UTF_8),
            new PrintStream(System.err, true, StandardCharsets.UTF_8),
            colourWanted());

    private final PrintStream out;
    private final PrintStream err;
    private final boolean colour;

    public Console(PrintStream out, PrintStream err, boolean colour) {
        this.out = out;
        this.err = err;
        this.colour = colour;
    }

    public static Console system() {
        return SYSTEM;
    }

    /** True when stdout is a terminal a person looks at, and NO_COLOR is not set. */
    public static boolean colourWanted() {
        String noColor = System.getenv("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) {
            return false;
        }
        return isInteractive() && !"dumb".equals(System.getenv("TERM"));
    }

    /** True when a person sits at the terminal (a console is attached). */
    public static boolean isInteractive() {
        return System.console() != null;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public boolean colour() {
        return colour;
    }

    public void line(String text) {
        out.println(text);
    }

    public void ok(String text) {
        out.println(style(Style.GREEN, "✓") + " " + text);
    }

    public void fail(String text) {
        out.println(style(Style.RED, "✗") + " " + text);
    }

    public void note(String text) {
        out.println(style(Style.YELLOW, "!") + " " + text);
    }

    /** Progress and side remarks go to stderr, so stdout stays clean for pipes (`db url | pbcopy`). */
    public void info(String text) {
        err.println(style(Style.DIM, text));
    }

    /** The one line a failed command prints. */
    public void error(String text) {
        err.println(style(Style.RED, "error:") + " " + text);
    }

    public String style(Style style, String text) {
        return colour ? style.code + text + Style.RESET : text;
    }

    /** The few styles the workbook uses, as ANSI escape codes. */
    public enum Style {
        BOLD("\u001b[1m"), DIM("\u001b[2m"), ITALIC("\u001b[3m"), UNDERLINE("\u001b[4m"),
        RED("\u001b[31m"), GREEN("\u001b[32m"), YELLOW("\u001b[33m"), BLUE("\u001b[34m"),
        MAGENTA("\u001b[35m"), CYAN("\u001b[36m");

        static final String RESET = "\u001b[0m";
        final String code;

        Style(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
