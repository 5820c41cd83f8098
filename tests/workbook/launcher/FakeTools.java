package workbook.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Stand-in commands put first on a test's PATH: a Maven that logs its calls, one that always fails. */
final class FakeTools {
    private FakeTools() {
    }

    /** A bin folder whose `mvn` always fails, as on a machine with no network; returns the folder. */
    static Path failingMaven(Path bin) throws IOException {
        script(bin.resolve("mvn"), "#!/usr/bin/env bash\necho 'simulated: Maven cannot reach Maven Central' >&2\nexit 1\n");
        return bin;
    }

    /** A bin folder whose `mvn` appends its arguments to log, then runs the real Maven. */
    static Path loggingMaven(Path bin, Path log, String realMaven, String extraArguments) throws IOException {
        script(bin.resolve("mvn"), "#!/usr/bin/env bash\necho \"$*\" >> '" + log + "'\nexec '" + realMaven + "' "
                + extraArguments + " \"$@\"\n");
        return bin;
    }

    static void script(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Where a command lives on this machine's PATH. */
    static String which(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", "command -v " + command).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        if (p.waitFor() != 0 || out.isEmpty()) {
            throw new IllegalStateException(command + " is not on PATH");
        }
        return out;
    }
}
