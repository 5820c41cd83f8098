package workbook.jshell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what a cell prints. Snippets run in-process and print to {@code System.out}, so System.out and
 * System.err are replaced once by streams that send bytes to the capture of the thread that writes them
 * (inherited by the snippet thread JShell starts and by threads the snippet starts), and to the real
 * terminal otherwise. Two sessions running cells at once on two threads thus never mix their output.
 */
final class OutputCapture {
    private static final InheritableThreadLocal<Sink> CURRENT = new InheritableThreadLocal<>();
    private static boolean installed;

    private OutputCapture() {
    }

    /** Where one cell's output goes: a buffer, and optionally a live echo (the notebook's screen). */
    static final class Sink {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final OutputStream echo;
        private volatile boolean open = true;

        Sink(OutputStream echo) {
            this.echo = echo;
        }

        /** A pool thread the cell started may outlive it; its later output goes to the terminal. */
        boolean open() {
            return open;
        }

        synchronized void write(byte[] b, int off, int len) throws IOException {
            buffer.write(b, off, len);
            if (echo != null) {
                echo.write(b, off, len);
                echo.flush();
            }
        }

        synchronized String text() {
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }

    /** Starts capturing this thread's (and its future children's) output; returns the sink to read and end. */
    static Sink begin(OutputStream echo) {
        install();
        Sink sink = new Sink(echo);
        CURRENT.set(sink);
        return sink;
    }

    static void end() {
        System.out.flush();
        System.err.flush();
        Sink sink = CURRENT.get();
        if (sink != null) {
            sink.open = false;
        }
        CURRENT.remove();
    }

    private static synchronized void install() {
        if (installed) {
            return;
        }
        System.setOut(route(System.out));
        System.setErr(route(System.err));
        installed = true;
    }

    private static PrintStream route(PrintStream terminal) {
        return new PrintStream(new Router(terminal), true, StandardCharsets.UTF_8);
    }

    /** Sends each write to the writing thread's sink, or to the terminal when that thread captures nothing. */
    private static final class Router extends OutputStream {
        private final PrintStream terminal;

        Router(PrintStream terminal) {
            this.terminal = terminal;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Sink sink = CURRENT.get();
            if (sink != null && sink.open()) {
                sink.write(b, off, len);
            } else {
                terminal.write(b, off, len);
            }
        }

        @Override
        public void flush() {
            terminal.flush();
        }
    }
}
