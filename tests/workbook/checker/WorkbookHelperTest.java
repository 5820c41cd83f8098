package workbook.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.Slow;
import workbook.cli.CommandJvm;

/**
 * The checkout's helper process (WorkbookHelper) as a learner meets it through `check`'s own process:
 * the verdict it serves is the one the command gives in its own process, code it was not started from is
 * never served, and a kill of either process at any point leaves a usable workbook and no scratch copy.
 */
@Slow
class WorkbookHelperTest {
    private static final Pattern HELPER = Pattern.compile("helper (\\d+): serving");

    @TempDir
    Path home;
    @TempDir
    Path runtimeDir;
    CheckerFixture fixture;
    final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void checkout() throws Exception {
        fixture = new CheckerFixture("crm_helper");
        CheckExitTest.course(home, CheckerFixture.solutions());
        env.put("WORKBOOK_HOME", home.toString());
        env.put("XDG_RUNTIME_DIR", runtimeDir.toString());  // this test's helper cards, apart from any other's
        env.put("WORKBOOK_HELPER_IDLE", "120");
        env.put("WORKBOOK_CODE_KEY", "code-one");
    }

    @AfterEach
    void stopHelpers() {
        helperPids().forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void aServedCheckSaysWhatItsOwnProcessSays() throws Exception {
        Map<String, String> noKey = new HashMap<>(env);
        noKey.remove("WORKBOOK_CODE_KEY");
        assertThat(await(check(noKey)).exit()).isZero();
        assertThat(log()).as("without ./jbang's key of the code no helper starts").isEmpty();

        assertThat(await(check(env)).exit()).isZero();  // runs in its own process and starts the helper
        awaitServing(1);
        List<Path> cases = new ArrayList<>(List.of(CheckerFixture.solutions(), CheckerFixture.starters()));
        for (String name : List.of("syntax-error", "update-without-where", "bob-missing-phone", "phone-not-unique", "not-utf8",
                "psql-meta-command")) {
            cases.add(CheckerFixture.SUBMISSIONS.resolve(name));
        }
        for (Path files : cases) {
            lay(files);
            Map<String, String> plain = new HashMap<>(env);
            plain.put("WORKBOOK_HELPER", "0");
            CommandJvm.Run own = await(check(plain));
            long servedBefore = served();
            CommandJvm.Run helped = await(check(env));
            assertThat(served()).as(files + ": served by the helper; its log:\n" + log()).isEqualTo(servedBefore + 1);
            assertThat(helped).as(files.getFileName().toString()).isEqualTo(own);
        }
    }

    @Test
    void codeTheHelperWasNotStartedFromIsNeverServed() throws Exception {
        await(check(env));
        long first = awaitServing(1);

        env.put("WORKBOOK_CODE_KEY", "code-two");  // ./jbang's key after an edit to a source, the catalog or a //DEPS line
        CommandJvm.Run edited = await(check(env));
        assertThat(edited.exit()).as(edited.toString()).isZero();
        assertThat(served()).as("the old helper served nothing").isZero();
        assertThat(log()).contains("retiring");
        awaitGone(first);

        long second = awaitServing(2);
        assertThat(second).isNotEqualTo(first);
        assertThat(await(check(env)).exit()).isZero();
        assertThat(served()).as(log()).isEqualTo(1);
    }

    @Test
    void aHelperKilledMidCheckLeavesAVerdictAndNoCopy() throws Exception {
        long helper = servingWithTask2Sleeping(4);
        Process learner = check(env);
        CheckExitTest.awaitRunning(fixture.crmDb, "pg_sleep(4)");
        ProcessHandle.of(helper).orElseThrow().destroyForcibly();
        CommandJvm.Run run = await(learner);

        // the command ran again in its own process: a whole verdict, then a new helper for the next
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("✓ 2. Insert Bob");
        CheckExitTest.awaitDatabases(fixture.crmDb, "wb\\_scratch\\_%", List.of());
        awaitServing(2);
    }

    @Test
    void ctrlCOnAServedCheckStopsItAsInItsOwnProcess() throws Exception {
        long helper = servingWithTask2Sleeping(3);
        Process learner = check(env);
        CheckExitTest.awaitRunning(fixture.crmDb, "pg_sleep(3)");
        learner.destroyForcibly();  // Ctrl-C, a closed terminal
        assertThat(learner.waitFor(30, TimeUnit.SECONDS)).isTrue();
        awaitGone(helper);  // the check stops with it, as it would have in the command's own process
        assertThat(log()).contains("(Ctrl-C): stopping with it").doesNotContain(": served check");

        lay(CheckerFixture.solutions());
        CommandJvm.Run next = await(check(env));
        assertThat(next.exit()).as(next.toString()).isZero();
        CheckExitTest.awaitDatabases(fixture.crmDb, "wb\\_scratch\\_%", List.of());
        awaitServing(2);
    }

    @Test
    void anIdleHelperStopsAndTakesItsCardAlong() throws Exception {
        env.put("WORKBOOK_HELPER_IDLE", "1");
        await(check(env));
        long helper = awaitServing(1);
        awaitGone(helper);
        try (var cards = Files.walk(runtimeDir)) {
            assertThat(cards.filter(f -> f.toString().endsWith(".helper")).toList()).isEmpty();
        }
        assertThat(log()).contains("no command for 1 s: stopping");
    }

    /** A helper serving (its pid), and task 2's file sleeping {@code seconds} before its solution. */
    private long servingWithTask2Sleeping(int seconds) throws Exception {
        await(check(env));
        long helper = awaitServing(1);
        Path task2 = home.resolve("exercises/lesson3/02-insert-bob.sql");
        Files.writeString(task2, "SELECT pg_sleep(" + seconds + ");\n" + Files.readString(task2));
        return helper;
    }

    /** The exercise files become the reference solutions with {@code files} laid over them. */
    private void lay(Path files) throws IOException {
        Path exercises = home.resolve("exercises/lesson3");
        for (Path folder : List.of(CheckerFixture.solutions(), files)) {
            try (var sql = Files.list(folder)) {
                for (Path file : sql.filter(f -> f.toString().endsWith(".sql")).toList()) {
                    Files.copy(file, exercises.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** `check lesson3` as ./jbang runs it: Check's main in a JVM of its own, with exactly {@code variables} of the workbook's. */
    private Process check(Map<String, String> variables) throws IOException {
        String url = fixture.crmDb.jdbcUrl() + "?user=" + fixture.crmDb.user() + "&password=" + fixture.crmDb.password();
        ProcessBuilder builder = new ProcessBuilder(CommandJvm.command(List.of(), "Check", "lesson3", "--url", url))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().keySet().removeIf(name -> name.startsWith("WORKBOOK_"));
        builder.environment().putAll(variables);
        return builder.start();
    }

    private static CommandJvm.Run await(Process process) throws Exception {
        return CommandJvm.await(process);
    }

    private String log() throws IOException {
        Path log = home.resolve(".workbook/logs/helper.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private long served() throws IOException {
        return log().lines().filter(line -> line.contains(": served check")).count();
    }

    private List<Long> helperPids() {
        try {
            List<Long> pids = new ArrayList<>();
            Matcher m = HELPER.matcher(log());
            while (m.find()) {
                pids.add(Long.parseLong(m.group(1)));
            }
            return pids;
        } catch (IOException e) {
            return List.of();
        }
    }

    private void awaitServed(long n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (served() < n) {
            assertThat(System.nanoTime()).as("served never reached " + n + ":\n" + log()).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Waits for the {@code n}th helper to listen; its pid. */
    private long awaitServing(int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (helperPids().size() < n) {
            assertThat(System.nanoTime()).as("helper " + n + " never served:\n" + log()).isLessThan(deadline);
            Thread.sleep(20);
        }
        return helperPids().get(n - 1);
    }

    private static void awaitGone(long pid) throws Exception {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isPresent()) {
            process.get().onExit().get(60, TimeUnit.SECONDS);
        }
    }
}
