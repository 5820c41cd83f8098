//DEPS org.jline:jline:3.30.6
package workbook.terminal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntSupplier;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * All terminal output of the workbook goes through here: plain lines, marks (✓ ✗ !), colours and errors.
 * Colours are on only for a real terminal, and never when NO_COLOR is set (https://no-color.org). Every line
 * is word-wrapped ({@link WordWrap}) to the terminal's width as it is at the moment of printing, so a resize
 * counts from the next line on.
 */
public final class Console {
    private static final Console OWN = new Console(
            new PrintStream(System.out, true, StandardCharsets.UTF_8),
            new PrintStream(System.err, true, StandardCharsets.UTF_8),
            colourWanted());

    /** The console of the command running now: this process's own, or the one the helper serves. */
    private static volatile Console current = OWN;
    /** Whether a person watches the served command's output; null: this process's own console says. */
    private static volatile Boolean servedInteractive;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean colour;
    private final IntSupplier terminalColumns;

    /** A console with no terminal of its own: lines wrap at $COLUMNS, else not at all (see {@link TerminalWidth#forLines}). */
    public Console(PrintStream out, PrintStream err, boolean colour) {
        this(out, err, colour, () -> 0);
    }

    /** @param terminalColumns the terminal's width now (JLine's, read at every line), 0 when it does not say */
    public Console(PrintStream out, PrintStream err, boolean colour, IntSupplier terminalColumns) {
        this.out = out;
        this.err = err;
        this.colour = colour;
        this.terminalColumns = terminalColumns;
    }

    public static Console system() {
        return current;
    }

    /**
     * For the helper, which runs another process's command: until {@link #release()}, {@link #system()} writes
     * to that process's streams, with its terminal's width ({@code columns}, its $COLUMNS) and colours when a
     * person watches it ({@code interactive}).
     */
    public static void serve(PrintStream out, PrintStream err, boolean interactive, String columns) {
        servedInteractive = interactive;
        TerminalWidth.serve(columns);
        current = new Console(out, err, colourWanted());
    }

    /** Back to this process's own console after a served command. */
    public static void release() {
        current = OWN;
        servedInteractive = null;
        TerminalWidth.release();
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
        Boolean served = servedInteractive;
        return served != null ? served : System.console() != null;
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

    /** Columns a line may take now: the terminal's width, else $COLUMNS, else no limit (a log or a pipe). */
    public int width() {
        return TerminalWidth.forLines(terminalColumns.getAsInt());
    }

    /** Columns prose, step headers and notes take now: {@link #width()}, at most {@link TerminalWidth#READABLE}. */
    public int readableWidth() {
        return TerminalWidth.columns(terminalColumns.getAsInt());
    }

    /** {@code text}, each of its lines wrapped to the width. */
    public void line(String text) {
        print(out, text);
    }

    /**
     * One row of a two-column list ("  ./jbang check   Check your assignment ..."): where it wraps, the
     * continuation lines hang {@code hang} columns in, under the second column, not under the first.
     */
    public void row(String text, int hang) {
        int width = width();
        for (String wrapped : WordWrap.lines(text, width, hang <= width / 2 ? hang : 0)) {
            out.println(wrapped);
        }
    }

    public void ok(String text) {
        line(style(Style.GREEN, "✓") + " " + text);
    }

    public void fail(String text) {
        line(style(Style.RED, "✗") + " " + text);
    }

    public void note(String text) {
        line(style(Style.YELLOW, "!") + " " + text);
    }

    /** Progress and side remarks go to stderr, so stdout stays clean for pipes (`db url | pbcopy`). */
    public void info(String text) {
        print(err, style(Style.DIM, text));
    }

    /** The one line a failed command prints. */
    public void error(String text) {
        print(err, style(Style.RED, "error:") + " " + text);
    }

    /**
     * A bar of keys, dimmed ("Enter run · s skip · q quit"): where it is wider than the terminal it breaks only
     * between two keys, never inside "r run again", and the next line starts with a key, not a dot.
     */
    public void keys(String bar) {
        String held = String.join(" ·" + WordWrap.NO_BREAK, List.of(bar.split(" · ")).stream().map(k -> k.replace(' ', WordWrap.NO_BREAK)).toList());
        List<String> lines = WordWrap.lines(held, width(), 0);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replace(WordWrap.NO_BREAK, ' ');
            out.println(style(Style.DIM, i > 0 && line.startsWith("· ") ? line.substring(2) : line));
        }
    }

    private void print(PrintStream stream, String text) {
        int width = width();
        for (String line : text.split("\n", -1)) {
            for (String wrapped : WordWrap.lines(line, width)) {
                stream.println(wrapped);
            }
        }
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
