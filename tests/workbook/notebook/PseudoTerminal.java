package workbook.notebook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program running on a real pseudo-terminal (util-linux `script` allocates it): keys go in as a person
 * types them, and the screen's bytes come out, read as they arrive, so a test can wait for what it expects.
 */
public final class PseudoTerminal implements AutoCloseable {
    private final Process process;
    private final OutputStream keys;
    private final StringBuilder screen = new StringBuilder();
    private int cursor;

    private PseudoTerminal(Process process) {
        this.process = process;
        this.keys = process.getOutputStream();
        Thread reader = new Thread(() -> copy(process.getInputStream()), "pty-screen");
        reader.setDaemon(true);
        reader.start();
    }

    /** True when util-linux `script` is on the PATH (it gives the program a real pseudo-terminal). */
    public static boolean available() {
        String path = System.getenv().getOrDefault("PATH", "");
        return java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> java.nio.file.Files.isExecutable(Path.of(dir, "script")));
    }

    /** Starts {@code command} (already shell-quoted) in a pty {@code columns} wide, colours off. */
    public static PseudoTerminal start(String command, Path directory, int columns) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("script", "-qfec", "stty cols " + columns + " rows 50; exec " + command, "/dev/null")
                .directory(directory.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("TERM", "xterm-256color");
        env.put("NO_COLOR", "1");
        env.remove("COLUMNS");
        return new PseudoTerminal(builder.start());
    }

    private void copy(InputStream in) {
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                synchronized (screen) {
                    screen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    screen.notifyAll();
                }
            }
        } catch (IOException e) {
            // the program ended
        }
    }

    /** Waits until {@code text} shows after what earlier expectations matched, and moves past it. */
    public String expect(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (screen) {
            while (true) {
                String plain = plain();
                int at = plain.indexOf(text, cursor);
                if (at >= 0) {
                    String seen = plain.substring(cursor, at + text.length());
                    cursor = at + text.length();
                    return seen;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the screen never showed `" + text + "`; after the last match it shows:\n" + plain.substring(cursor));
                }
                screen.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            }
        }
    }

    /** Types keys as a person would (\r is Enter, \u0003 Ctrl-C). */
    public void type(String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** Everything shown so far, escape sequences and carriage returns removed. */
    public String plain() {
        synchronized (screen) {
            return screen.toString().replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "").replaceAll("\u001b[=>]", "").replace("\r", "");
        }
    }

    /**
     * Everything shown so far as the screen's lines, escape sequences removed: a carriage return starts a line over,
     * as it does on a screen (a spinner redrawn in place is a line of its own, not glued to the next).
     */
    public List<String> lines() {
        synchronized (screen) {
            String text = screen.toString().replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "").replaceAll("\u001b[=>]", "");
            return List.of(text.split("\r\n|\r|\n"));
        }
    }

    /**
     * Makes the terminal {@code columns} wide, as dragging a window's edge does: the kernel tells the program
     * (SIGWINCH). The program's pty is the one its standard input reads.
     */
    public void resize(int columns) throws IOException, InterruptedException {
        Path tty = process.descendants().map(p -> Path.of("/proc", String.valueOf(p.pid()), "fd", "0"))
                .map(fd -> {
                    try {
                        return fd.toRealPath();
                    } catch (IOException e) {
                        return fd;
                    }
                })
                .filter(fd -> fd.toString().startsWith("/dev/pts/")).findFirst()
                .orElseThrow(() -> new AssertionError("no program on a pseudo-terminal under " + process.pid()));
        Process stty = new ProcessBuilder("stty", "-F", tty.toString(), "cols", String.valueOf(columns)).inheritIO().start();
        if (!stty.waitFor(10, TimeUnit.SECONDS) || stty.exitValue() != 0) {
            throw new AssertionError("stty could not resize " + tty);
        }
    }

    public int exitCode(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the program did not end; the screen shows:\n" + plain().substring(cursor));
        }
        return process.exitValue();
    }

    public static String quote(List<String> words) {
        return String.join(" ", words.stream().map(w -> "'" + w.replace("'", "'\\''") + "'").toList());
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }
}
