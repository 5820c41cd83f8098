package workbook.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import workbook.TestDatabase;
import workbook.db.ConnectionInfo;

/** The repl in a real pseudo-terminal (util-linux `script`): keys in, screen out, as a learner types. */
class ReplTerminalTest {

    @Test
    void tabCompletesAndCtrlCStopsAQueryNotTheRepl() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs util-linux script for a pty");
        ConnectionInfo db = TestDatabase.freshDatabase("repl_pty");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // a pty made by script has no size until told; JLine then draws the prompt in zero columns
        String command = "stty cols 120 rows 40; '" + java + "' -cp '" + System.getProperty("java.class.path") + "' Repl --url '" + ReplTest.url(db) + "'";
        ProcessBuilder terminal = new ProcessBuilder("script", "-qfec", command, "/dev/null").redirectErrorStream(true);
        terminal.environment().put("TERM", "xterm");
        Process script = terminal.start();
        Screen screen = new Screen(script.getInputStream());
        OutputStream keys = script.getOutputStream();
        try {
            screen.waitFor("jshell> ", Duration.ofSeconds(60));
            type(keys, "handle.createQ\t");
            screen.waitFor("handle.createQuery(", Duration.ofSeconds(10));
            type(keys, "\"select 1\").mapTo(Integer.class).one()\r");
            screen.waitFor("==> 1", Duration.ofSeconds(10));

            type(keys, "handle.execute(\"select pg_sleep(60)\")\r");
            Thread.sleep(1000);
            long start = System.nanoTime();
            type(keys, "\u0003");
            screen.waitFor("canceling statement due to user request", Duration.ofSeconds(5));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(3000);

            type(keys, "handle.createQuery(\"select 41 + 1\").mapTo(Integer.class).one()\r");
            screen.waitFor("==> 42", Duration.ofSeconds(10));
            type(keys, "/exit\r");
            assertThat(script.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            script.destroyForcibly();
        }
    }

    private static void type(OutputStream keys, String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** Everything the terminal showed so far, read on a thread of its own. */
    private static final class Screen {
        private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

        Screen(InputStream in) {
            Thread reader = new Thread(() -> {
                byte[] buffer = new byte[4096];
                try {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        synchronized (seen) {
                            seen.write(buffer, 0, n);
                        }
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        String text() {
            synchronized (seen) {
                return seen.toString(StandardCharsets.UTF_8);
            }
        }

        void waitFor(String expected, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (text().contains(expected)) {
                    return;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("the terminal never showed `" + expected + "`; it shows:\n" + text());
        }
    }
}
