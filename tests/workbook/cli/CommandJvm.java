package workbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import workbook.WorkbookHome;

/**
 * Runs a command's entry script (Db, Grade) in a JVM of its own, as {@code ./jbang} does, so a test sees
 * what a person sees: stdout, stderr and the exit code. The test's own database settings are not passed on.
 */
public final class CommandJvm {
    /** For a test's own child JVM (no entry script): what every entry script declares, C1-only and the serial collector. */
    private static final List<String> CHILD_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private CommandJvm() {
    }

    /** What the command printed and how it ended. */
    public record Run(int exit, String out, String err) {
    }

    /** Starts {@code mainClass} with {@code args}, stdin empty, {@code env} added to the environment. */
    public static Process start(String mainClass, Map<String, String> env, String... args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(List.of(), mainClass, args)).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().remove("WORKBOOK_DB");
        builder.environment().remove("WORKBOOK_DB_URL");
        builder.environment().putAll(env);
        return builder.start();
    }

    /**
     * {@code java OPTIONS -cp TEST_CLASS_PATH mainClass args}: the JVM options are those the entry script of
     * that name declares in //JAVA_OPTIONS (the flags ./jbang starts it with), then {@code jvmOptions}.
     */
    public static List<String> command(List<String> jvmOptions, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(scriptOptions(mainClass));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(Arrays.asList(args));
        return command;
    }

    static List<String> scriptOptions(String mainClass) {
        Path root = WorkbookHome.locate().root();
        for (String folder : List.of("runtime", "checker", "lessons")) {
            Path script = root.resolve(folder).resolve(mainClass + ".java");
            if (Files.isRegularFile(script)) {
                try {
                    return Files.readAllLines(script).stream().filter(line -> line.startsWith("//JAVA_OPTIONS "))
                            .flatMap(line -> Arrays.stream(line.substring("//JAVA_OPTIONS ".length()).trim().split("\\s+")))
                            .toList();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return CHILD_OPTIONS;
    }

    public static Run await(Process process) throws IOException, InterruptedException {
        var out = process.getInputStream().readAllBytes();
        var err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
