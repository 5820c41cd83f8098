package workbook.grading.gradescope;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.FileTrees;
import workbook.HostileCorpus;
import workbook.ReportChecker;
import workbook.Slow;
import workbook.WorkbookHome;
import workbook.checker.TaskSetReader;
import workbook.checker.task.CheckSpec;
import workbook.checker.task.Task;
import workbook.cli.CommandJvm;

/**
 * The Gradescope package as Gradescope uses it: built by {@code grade --gradescope-package}, unzipped into
 * a temporary {@code /autograder} layout (AUTOGRADER_ROOT), set up by its setup.sh (java is present, so the
 * apt step skips itself), then run_autograder on one submission at a time. Run as root, as Gradescope
 * runs it, where {@code unshare -U} fails (as in containers without user namespaces), the grader drops to
 * the user {@code nobody}. Every results.json is checked against Gradescope's specification.
 */
@Slow
class GradescopePackageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FULL_MARKS = 23;

    @TempDir
    static Path work;
    static Path root;
    static String setupOutput;
    static String path = System.getenv("PATH");

    @BeforeAll
    static void buildAndSetUp() throws Exception {
        // Gradescope's /autograder is open to every user; JUnit's temporary folder is its owner's alone
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path zip = work.resolve("autograder.zip");
        CommandJvm.Run built = CommandJvm.await(CommandJvm.start("Grade",
                Map.of("WORKBOOK_HOME", WorkbookHome.locate().root().toString()), "lesson3", "--gradescope-package", zip.toString(), "--timeout", "8"));
        assertThat(built.exit()).as(built.err()).isZero();
        assertThat(built.out()).contains("Wrote", "autograder.zip");

        // Gradescope's containers may not allow user namespaces: here neither, so PostgreSQL cannot run as root
        Path noNamespaces = Files.createDirectories(work.resolve("no-user-namespaces"));
        Files.writeString(noNamespaces.resolve("unshare"), "#!/bin/sh\necho 'unshare: unshare failed: Operation not permitted' >&2\nexit 1\n");
        Files.setPosixFilePermissions(noNamespaces.resolve("unshare"), PosixFilePermissions.fromString("rwxr-xr-x"));
        path = noNamespaces + File.pathSeparator + System.getenv("PATH");

        root = work.resolve("autograder");
        Files.createDirectories(root.resolve("source"));
        // unzip as Gradescope does, keeping the scripts' executable bits; then run_autograder is copied to the root
        assertThat(run(List.of("unzip", "-q", zip.toString(), "-d", root.resolve("source").toString()), Map.of()).exit()).isZero();
        assertThat(root.resolve("source/setup.sh")).isExecutable();
        Files.copy(root.resolve("source/run_autograder"), root.resolve("run_autograder"));
        assertThat(root.resolve("run_autograder")).isExecutable();

        CommandJvm.Run setup = run(List.of("bash", "setup.sh"), Map.of(), root.resolve("source"));
        setupOutput = setup.out() + setup.err();
        assertThat(setup.exit()).as(setupOutput).isZero();
    }

    @BeforeEach
    void emptySubmission() throws IOException {
        Path submission = root.resolve("submission");
        if (Files.exists(submission)) {
            FileTrees.deleteTree(submission);
        }
        Files.createDirectories(submission);
        Files.deleteIfExists(root.resolve("results/results.json"));
    }

    @Test
    void setupGradesTheReferenceSolutionsAndSkipsAptWhenJavaIsThere() throws IOException {
        assertThat(setupOutput).contains("Self-test: the reference solutions of lesson3 pass every check (23 points: 21 + 2 bonus)")
                .doesNotContain("apt-get", "Exception");
        assertThat(root.resolve("source/grader-user")).content().isEqualToIgnoringNewLines("nobody");
        if (isRoot()) {
            // what the grader keeps (PostgreSQL, its kept cluster) belongs to the user it drops to
            assertThat(Files.getOwner(root.resolve("source/course/.workbook")).getName()).isEqualTo("nobody");
        }
    }

    @Test
    void correctFilesAtTheTopGetFullMarks() throws Exception {
        HostileCorpus.write(root.resolve("submission"), HostileCorpus.solutions("lesson3"));
        long started = System.nanoTime();
        JsonNode results = runAutograder(Map.of());
        System.out.printf("cold run_autograder, start to results.json: %.2f s%n", (System.nanoTime() - started) / 1e9);
        assertThat(results.get("score").asInt()).isEqualTo(FULL_MARKS);
        assertThat(results.get("tests")).isNotEmpty().allSatisfy(test -> assertThat(test.get("status").asText()).isEqualTo("passed"));
    }

    @Test
    void wrongFilesUnderExercisesFolderGetTheirFeedback() throws Exception {
        Path folder = root.resolve("submission/exercises/lesson3");
        // the starters as handed out, submitted untouched from a clone of the course
        Files.createDirectories(folder);
        for (String file : HostileCorpus.solutions("lesson3").keySet()) {
            Files.copy(WorkbookHome.locate().exercisesDir().resolve("lesson3").resolve(file), folder.resolve(file));
        }
        JsonNode results = runAutograder(Map.of());
        assertThat(results.get("score").asInt()).isZero();
        assertThat(results.get("tests")).isNotEmpty().allSatisfy(test -> assertThat(test.get("status").asText()).isEqualTo("failed"));
        assertThat(results.toString()).doesNotContain("Missing files");
    }

    @Test
    void aFailedHiddenCheckShowsTheStudentNeitherItsNameNorItsCondition() throws Exception {
        Task task = TaskSetReader.forLesson(WorkbookHome.locate(), "lesson3").find("03-update-alice").orElseThrow();
        CheckSpec hidden = task.checks().stream().filter(c -> task.visibilityOf(c).hiddenFromStudent()).findFirst().orElseThrow();
        HostileCorpus.write(root.resolve("submission"), HostileCorpus.solutions("lesson3"));
        // an UPDATE without WHERE: it fails the hidden check, whose message says another row changed too
        Files.copy(WorkbookHome.locate().root().resolve("tests/workbook/checker/submissions/update-without-where/03-update-alice.sql"),
                root.resolve("submission/03-update-alice.sql"), StandardCopyOption.REPLACE_EXISTING);
        JsonNode results = runAutograder(Map.of());
        StringBuilder visible = new StringBuilder(results.get("output").asText());
        StringBuilder hiddenOutput = new StringBuilder();
        for (JsonNode test : results.get("tests")) {
            boolean shown = test.path("visibility").asText("visible").equals("visible");
            (shown ? visible : hiddenOutput).append('\n').append(test.path("name").asText()).append('\n').append(test.path("output").asText());
        }
        assertThat(visible.toString()).doesNotContain(hidden.name(), "another row changed too").contains(hidden.hint());
        assertThat(hiddenOutput.toString()).contains(hidden.name(), "another row changed too");
    }

    @Test
    void aZipInsideTheSubmissionIsGraded() throws Exception {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(root.resolve("submission/answers.zip")))) {
            for (var file : HostileCorpus.solutions("lesson3").entrySet()) {
                zip.putNextEntry(new ZipEntry("my-work/" + file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        assertThat(runAutograder(Map.of()).get("score").asInt()).isEqualTo(FULL_MARKS);
    }

    @Test
    void anUnreadableZipGetsZeroAndSaysWhy() throws Exception {
        Files.writeString(root.resolve("submission/answers.zip"), "not a zip");
        JsonNode results = runAutograder(Map.of());
        assertThat(results.get("score").asInt()).isZero();
        assertThat(results.get("output").asText()).contains("answers.zip is not a readable zip file");
    }

    @Test
    void anEndlessStatementEndsAtTheTimeoutTheZipWasBuiltWith() throws Exception {
        HostileCorpus.Attack endless = HostileCorpus.attacks("lesson3", "r09", "crm_db", "crmuser").get(0);
        HostileCorpus.write(root.resolve("submission"), endless.files());
        long started = System.nanoTime();
        JsonNode results = runAutograder(Map.of());
        assertThat((System.nanoTime() - started) / 1e9).isLessThan(60);
        assertThat(results.get("output").asText()).contains("Timed out");
    }

    @Test
    void hostileSubmissionsRunWithNoMoreRightsThanTheirAuthor() throws Exception {
        // the routes that try hardest for the server's own rights: the grader's reads, its admin database, its role
        for (HostileCorpus.Attack attack : HostileCorpus.attacks("lesson3", "p", "crm_db", "crmuser")) {
            if (!List.of("p01-function-overload", "p12-drop-the-database", "p14-set-role").contains(attack.name())) {
                continue;
            }
            emptySubmission();
            HostileCorpus.write(root.resolve("submission"), attack.files());
            JsonNode results = runAutograder(Map.of());
            assertThat(attack.markerLeft()).as(attack.name()).isFalse();
            assertThat(results.get("tests")).as(attack.name()).isNotEmpty();
            assertThat(results.toString()).as(attack.name()).doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void aGraderThatCannotStartItsServerStillWritesResultsAtZero() throws Exception {
        // PostgreSQL's binaries pointed where they cannot be unpacked: the server never starts
        JsonNode results = runAutograder(Map.of("WORKBOOK_PG_BINARIES", "/proc/no-such-place"));
        assertThat(results.get("score").asInt()).isZero();
        assertThat(results.get("tests")).isNotEmpty();
        assertThat(results.get("output").asText()).contains("the autograder could not grade it", "tell your instructor");
    }

    @Test
    void aJvmThatCannotStartStillLeavesResultsAtZero() throws Exception {
        JsonNode results = runAutograder(Map.of("JAVA_TOOL_OPTIONS", "-Xmx1k"));
        assertThat(results.get("score").asInt()).isZero();
        assertThat(results.get("output").asText()).contains("could not run", "tell your instructor");
    }

    @Test
    void aFolderForTheZipIsRefusedInOneLine() throws Exception {
        CommandJvm.Run run = CommandJvm.await(CommandJvm.start("Grade",
                Map.of("WORKBOOK_HOME", WorkbookHome.locate().root().toString()), "lesson3", "--gradescope-package", work.toString()));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("error: --gradescope-package").contains("is a folder").doesNotContain("\n", "Exception");
    }

    /** Runs run_autograder as Gradescope does (cwd /autograder), then checks and reads results.json. */
    private static JsonNode runAutograder(Map<String, String> env) throws Exception {
        CommandJvm.Run run = run(List.of(root.resolve("run_autograder").toString()), env, root);
        assertThat(run.exit()).as(run.err()).isZero();
        Path results = root.resolve("results/results.json");
        assertThat(results).as(run.out() + run.err()).exists();
        ReportChecker.Verdict verdict = ReportChecker.check("gradescope", results);
        assertThat(verdict.valid()).as(verdict.toString()).isTrue();
        return JSON.readTree(results.toFile());
    }

    private static CommandJvm.Run run(List<String> command, Map<String, String> env) throws Exception {
        return run(command, env, work);
    }

    private static CommandJvm.Run run(List<String> command, Map<String, String> env, Path directory) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().keySet().removeIf(name -> name.startsWith("WORKBOOK_"));
        builder.environment().put("AUTOGRADER_ROOT", root == null ? "" : root.toString());
        builder.environment().put("WORKBOOK_GRADER_USER", "nobody");
        builder.environment().put("PATH", path);
        builder.environment().putAll(env);
        Path out = Files.createTempFile(work, "out-", ".txt");
        Path err = Files.createTempFile(work, "err-", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
        return new CommandJvm.Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
