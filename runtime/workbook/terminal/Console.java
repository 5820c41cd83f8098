//DEPS org.jline:jline:3.30.6
package workbook.terminal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
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

    /** The few styles the workbook uses; JLine writes their escape codes. */
    public enum Style {
        BOLD(AttributedStyle::bold), DIM(AttributedStyle::faint), ITALIC(AttributedStyle::italic),
        UNDERLINE(AttributedStyle::underline),
        RED(s -> s.foreground(AttributedStyle.RED)), GREEN(s -> s.foreground(AttributedStyle.GREEN)),
        YELLOW(s -> s.foreground(AttributedStyle.YELLOW)), BLUE(s -> s.foreground(AttributedStyle.BLUE)),
        MAGENTA(s -> s.foreground(AttributedStyle.MAGENTA)), CYAN(s -> s.foreground(AttributedStyle.CYAN));

        private final UnaryOperator<AttributedStyle> added;

        Style(UnaryOperator<AttributedStyle> added) {
            this.added = added;
        }

        /** {@code base} with this style added, so styles combine (a bold magenta heading). */
        public AttributedStyle on(AttributedStyle base) {
            return added.apply(base);
        }

        /** {@code text} in this style as the terminal's escape codes, reset at its end; whatever the colour setting. */
        public String paint(String text) {
            return new AttributedString(text, on(AttributedStyle.DEFAULT)).toAnsi();
        }
    }
}
