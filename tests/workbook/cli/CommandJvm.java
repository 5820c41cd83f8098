package workbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command's entry script (Db, Grade) in a JVM of its own, as {@code ./jbang} does, so a test sees
 * what a person sees: stdout, stderr and the exit code. The test's own database settings are not passed on.
 */
public final class CommandJvm {
    private CommandJvm() {
    }

    /** What the command printed and how it ended. */
    public record Run(int exit, String out, String err) {
    }

    /** Starts {@code mainClass} with {@code args}, stdin empty, {@code env} added to the environment. */
    public static Process start(String mainClass, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().remove("WORKBOOK_DB");
        builder.environment().remove("WORKBOOK_DB_URL");
        builder.environment().putAll(env);
        return builder.start();
    }

    public static Run await(Process process) throws IOException, InterruptedException {
        var out = process.getInputStream().readAllBytes();
        var err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
