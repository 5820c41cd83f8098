package workbook.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import workbook.Slow;

/**
 * Exit codes, stdin, awkward arguments and Ctrl-C reach the command the same way whether the
 * launcher reuses the saved command or goes through JBang (WORKBOOK_LAUNCH_CACHE=0).
 */
@Slow
class PassThroughTest {
    @TempDir
    static Path dir;
    static LauncherCheckout checkout;

    @BeforeAll
    static void warmUp() throws IOException {
        checkout = LauncherCheckout.create(dir.resolve("checkout"));
        LaunchResult first = checkout.run("probe");
        assertThat(first.exitCode()).as(first.toString()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 42, 255})
    void exitCodesPassThrough(int code) {
        LaunchResult reused = reused("probe", "exit", String.valueOf(code));
        assertThat(reused.exitCode()).as(reused.toString()).isEqualTo(code);

        // through JBang the launcher execs whatever JBang printed, so a code's value matters only where the launcher
        // looks at one: success, its own failure (3) and JBang's "run this" (255). Each JBang start costs a second
        // of CPU; the other codes take the reused path only
        if (VALUES_THE_LAUNCHER_TELLS_APART.contains(code)) {
            LaunchResult viaJBang = viaJBang("probe", "exit", String.valueOf(code));
            assertThat(viaJBang.exitCode()).as(viaJBang.toString()).isEqualTo(code);
        }
    }

    static final Set<Integer> VALUES_THE_LAUNCHER_TELLS_APART = Set.of(0, 3, 255);

    @Test
    void stdinReachesTheCommand() {
        String input = "select 1;\nsecond line\n";
        LaunchResult reused = withReuse("1").runWithInput(input, "probe", "stdin");
        LaunchResult viaJBang = withReuse("0").runWithInput(input, "probe", "stdin");

        assertThat(reused.stdout()).as(reused.toString()).contains("stdin=SELECT 1;|SECOND LINE");
        assertThat(viaJBang.stdout()).isEqualTo(reused.stdout());
        assertThat(reused.wentThroughJBang()).isFalse();
    }

    @Test
    void argumentsWithSpacesAndQuotesArriveIntact() {
        String[] args = {"probe", "echo", "two words", "it's", "\"quoted\"", "$HOME", "*", "back\\slash", "tab\there", "ünï €", "--help"};
        LaunchResult reused = reused(args);
        LaunchResult viaJBang = viaJBang(args);

        assertThat(reused.stdout()).as(reused.toString())
                .contains("args=<fixed><echo><two words><it's><\"quoted\"><$HOME><*><back\\slash><tab\there><ünï €><--help>");
        assertThat(viaJBang.stdout()).isEqualTo(reused.stdout());
    }

    @Test
    void ctrlCReachesTheReusedCommandAsItReachesJBangs() throws Exception {
        Interrupted viaJBang = interrupt("0");
        assumeTrue(viaJBang.exited, "SIGINT does not stop even JBang's own launch here (ignored by the test runner's parent)");
        Interrupted reused = interrupt("1");

        assertThat(viaJBang.exitCode).isEqualTo(130);
        assertThat(reused.exitCode).isEqualTo(viaJBang.exitCode);
        assertThat(reused.stdout).contains("shutdown-hook").isEqualTo(viaJBang.stdout);
    }

    record Interrupted(boolean exited, int exitCode, String stdout) {
    }

    /** Starts the probe waiting, sends SIGINT to the launcher's process (exec'd into java), waits. */
    private static Interrupted interrupt(String reuse) throws Exception {
        Process process = withReuse(reuse).start(ProcessBuilder.Redirect.PIPE, "probe", "wait");
        process.getOutputStream().close();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            seen.append(line).append('\n');
            if (line.equals("ready")) {
                break;
            }
        }
        assertThat(seen).as("the probe never got ready").contains("ready");
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).inheritIO().start().waitFor();
        boolean exited = process.waitFor(20, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
            return new Interrupted(false, -1, seen.toString());
        }
        seen.append(LaunchResult.drain(process.getInputStream()));
        return new Interrupted(true, process.exitValue(), seen.toString());
    }

    private static LaunchResult reused(String... args) {
        LaunchResult result = withReuse("1").run(args);
        assertThat(result.wentThroughJBang()).as(result.toString()).isFalse();
        return result;
    }

    private static LaunchResult viaJBang(String... args) {
        return withReuse("0").run(args);
    }

    private static LauncherCheckout withReuse(String value) {
        checkout.env.put("WORKBOOK_LAUNCH_CACHE", value);
        return checkout;
    }
}
