package workbook.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.Slow;
import workbook.TestDatabase;
import workbook.cli.CommandJvm;
import workbook.db.ConnectionInfo;
import workbook.notebook.PseudoTerminal;

/** The repl in a real pseudo-terminal (util-linux `script`): keys in, screen out, as a learner types. */
@Slow
class ReplTerminalTest {
    @TempDir
    Path dir;

    @Test
    void tabCompletesAndCtrlCStopsAQueryNotTheRepl() throws Exception {
        Assumptions.assumeTrue(PseudoTerminal.available(), "needs util-linux script for a pty");
        ConnectionInfo db = TestDatabase.freshDatabase("repl_pty");
        String command = PseudoTerminal.quote(CommandJvm.command(List.of(), "Repl", "--url", ReplTest.url(db)));
        try (PseudoTerminal pty = PseudoTerminal.start(command, dir, 120)) {
            pty.expect("jshell> ", Duration.ofSeconds(60));
            pty.type("handle.createQ\t");
            pty.expect("handle.createQuery(", Duration.ofSeconds(10));
            pty.type("\"select 1\").mapTo(Integer.class).one()\r");
            pty.expect("==> 1", Duration.ofSeconds(10));

            pty.type("handle.execute(\"select pg_sleep(60)\")\r");
            TestDatabase.awaitRunning(db, "select pg_sleep(60)", Duration.ofSeconds(10));
            long start = System.nanoTime();
            pty.type("\u0003");
            pty.expect("canceling statement due to user request", Duration.ofSeconds(5));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(3000);

            pty.type("handle.createQuery(\"select 41 + 1\").mapTo(Integer.class).one()\r");
            pty.expect("==> 42", Duration.ofSeconds(10));
            pty.type("/exit\r");
            pty.exitCode(Duration.ofSeconds(20));
        }
    }
}
