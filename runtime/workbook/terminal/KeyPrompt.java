//DEPS org.jline:jline:3.30.6
package workbook.terminal;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Terminal;

/**
 * Reads single keys and edited lines from a JLine terminal. Ctrl-C is a key by default (the walk can
 * quit cleanly, even when pressed the instant a prompt appears); only while work runs, or a line is
 * edited, is it a signal, whose handler stops the work or drops the line.
 */
public final class KeyPrompt implements AutoCloseable {
    /** What {@link #key()} returns for Ctrl-C, Ctrl-D or a closed input. */
    public static final int QUIT = -1;
    public static final int ENTER = '\r';

    private final Terminal terminal;
    private final Attributes original;
    /** Built at the first line asked for: its key maps and widgets are not needed to read single keys. */
    private LineReader lines;
    private Runnable beforeFirstWait;

    public KeyPrompt(Terminal terminal) {
        this.terminal = terminal;
        this.original = terminal.enterRawMode();
        signals(false);
    }

    /**
     * Runs {@code work} once, when this prompt first waits for the learner (a key or a line): the screen
     * is painted by then, and what a first screen does not need (the database, JShell) starts behind it.
     * Whatever it throws comes out of that first wait.
     */
    public KeyPrompt beforeFirstWait(Runnable work) {
        this.beforeFirstWait = work;
        return this;
    }

    private void firstWait() {
        Runnable work = beforeFirstWait;
        if (work != null) {
            beforeFirstWait = null;
            work.run();
        }
    }

    /** Waits for one key press; arrow keys and other escape sequences are read whole and ignored. */
    public int key() {
        firstWait();
        try {
            while (true) {
                int c = terminal.reader().read();
                if (c < 0 || c == 3 || c == 4) {
                    return QUIT;
                }
                if (c == 27) {
                    while (terminal.reader().peek(30) >= 0) {
                        terminal.reader().read();
                    }
                    continue;
                }
                return c == '\n' ? ENTER : c;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line typed with editing and history; null when the learner pressed Ctrl-C or Ctrl-D. */
    public String line(String prompt) {
        firstWait();
        if (lines == null) {
            lines = LineReaderBuilder.builder().terminal(terminal).build();
        }
        signals(true);
        try {
            return lines.readLine(prompt);
        } catch (UserInterruptException | EndOfFileException e) {
            return null;
        } finally {
            signals(false);
        }
    }

    /** Runs work with Ctrl-C bound to {@code onInterrupt} (e.g. cancel the statement), then unbinds it. */
    public <T> T interruptible(java.util.function.Supplier<T> work, Runnable onInterrupt) {
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> onInterrupt.run());
        signals(true);
        try {
            return work.get();
        } finally {
            signals(false);
            terminal.handle(Terminal.Signal.INT, previous);
        }
    }

    public int width() {
        return terminal.getWidth();
    }

    /** The terminal's rows, 0 when it does not say. */
    public int height() {
        return terminal.getHeight();
    }

    private void signals(boolean on) {
        Attributes attributes = terminal.getAttributes();
        attributes.setLocalFlag(LocalFlag.ISIG, on);
        terminal.setAttributes(attributes);
    }

    @Override
    public void close() {
        terminal.setAttributes(original);
    }
}
