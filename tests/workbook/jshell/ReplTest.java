package workbook.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.Slow;
import workbook.TestDatabase;
import workbook.cli.CommandJvm;
import workbook.db.ConnectionInfo;

/** `./jbang repl` as a learner meets it: the entry script in a JVM of its own, typed to through stdin. */
@Slow
class ReplTest {

    @Test
    void handleAnswersInTheRepl() throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("repl");
        Process repl = start(db);
        repl.getOutputStream().write("""
                handle.createQuery("select 1").mapTo(Integer.class).one()
                jdbi.withHandle(h -> h.createQuery("select current_database()").mapTo(String.class).one())
                /reset
                handle.createQuery("select 40 + 2").mapTo(Integer.class).one()
                /exit
                """.getBytes(StandardCharsets.UTF_8));
        repl.getOutputStream().close();
        assertThat(repl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(repl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(out).contains("JShell on " + db.database() + " at localhost:" + db.port())
                .contains("/exit to leave")
                .contains("==> 1")
                .contains("==> \"" + db.database() + "\"")
                .contains("Resetting state.")
                .contains("==> 42");
        assertThat(repl.exitValue()).isZero();
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsOneLineAndExitCode3() throws Exception {
        Process repl = start(new ConnectionInfo("localhost", 1, "crm_db", "crmuser", "crmpassword"));
        repl.getOutputStream().close();
        assertThat(repl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(repl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        // the URL provider answers first, in the same words every command uses for a server that is not there
        assertThat(out.strip()).isEqualTo("error: No PostgreSQL answers at localhost:1 (Connection refused): "
                + "is the server running, and are host and port right?");
        assertThat(repl.exitValue()).isEqualTo(3);
    }

    @Test
    void aSqlErrorIsAsShortAsInTheNotebookAndNoLibraryLogsShow(@TempDir Path home) throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("repl_short");
        // a first run on this machine: java.util.prefs would create its folder here and log that on the screen
        Path prefs = home.resolve("prefs");
        String out = typed(start(db, List.of("-Dworkbook.home=" + home, "-Djava.util.prefs.userRoot=" + prefs)),
                "handle.execute(\"select nope from nowhere\")\n/exit\n");

        assertThat(out).contains("ERROR:  relation \"nowhere\" does not exist", "LINE 1: select nope from nowhere",
                        "SQLSTATE: 42P01 (undefined_table)", "at (#1:1)")
                .doesNotContain("QueryExecutorImpl", "Caused by", "INFO", "prefs");
        assertThat(out.lines().filter(line -> !line.isBlank()).count()).isLessThan(12);
        assertThat(prefs).doesNotExist();
    }

    @Test
    void verboseKeepsJShellsStackTraceOfASqlError(@TempDir Path home) throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("repl_verbose");
        String out = typed(start(db, List.of("-Dworkbook.home=" + home), "--verbose"), "handle.execute(\"select nope from nowhere\")\n/exit\n");
        assertThat(out).contains("relation \"nowhere\" does not exist", "Caused by", "QueryExecutorImpl");
    }

    private static String typed(Process repl, String input) throws Exception {
        repl.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        repl.getOutputStream().close();
        String out = new String(repl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(repl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    static Process start(ConnectionInfo db) throws IOException {
        return start(db, List.of("-Dworkbook.home=" + System.getProperty("workbook.home", ".")));
    }

    static Process start(ConnectionInfo db, List<String> jvmOptions, String... more) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("--url", url(db)));
        args.addAll(List.of(more));
        List<String> command = CommandJvm.command(jvmOptions, "Repl", args.toArray(String[]::new));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    static String url(ConnectionInfo db) {
        return db.jdbcUrl() + "?user=" + db.user() + "&password=" + db.password();
    }
}
