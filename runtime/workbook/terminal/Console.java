//DEPS org.jline:jline:3.30.6
package workbook.terminal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

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
        return colour ? style.paint(text) : text;
    }

    /**
     * The few styles the workbook uses; JLine writes their escape codes. A switch, not a lambda per constant, and
     * no JLine type in a field: naming a style costs nothing at start-up, JLine loads at the first paint only.
     */
    public enum Style {
        BOLD, DIM, ITALIC, UNDERLINE, RED, GREEN, YELLOW, BLUE, MAGENTA, CYAN;

        /** {@code base} with this style added, so styles combine (a bold magenta heading). */
        public AttributedStyle on(AttributedStyle base) {
            return switch (this) {
                case BOLD -> base.bold();
                case DIM -> base.faint();
                case ITALIC -> base.italic();
                case UNDERLINE -> base.underline();
                case RED -> base.foreground(AttributedStyle.RED);
                case GREEN -> base.foreground(AttributedStyle.GREEN);
                case YELLOW -> base.foreground(AttributedStyle.YELLOW);
                case BLUE -> base.foreground(AttributedStyle.BLUE);
                case MAGENTA -> base.foreground(AttributedStyle.MAGENTA);
                case CYAN -> base.foreground(AttributedStyle.CYAN);
            };
        }

        /** {@code text} in this style as the terminal's escape codes, reset at its end; whatever the colour setting. */
        public String paint(String text) {
            return new AttributedString(text, on(AttributedStyle.DEFAULT)).toAnsi();
        }
    }
}
