package workbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;
import workbook.checker.TaskSetReader;

/**
 * The hostile corpus in tests/workbook/hostile/: one folder per attack (p… routes to more rights, r…
 * resources), each holding the exercise files that differ from the reference solutions. In a file,
 * {@code {{SOLUTION}}} stands for the reference solution of that file, {@code {{PAYLOAD}}} for
 * payload.sql (whose function leaves a marker file when it runs with the right to start programs),
 * {@code {{ADMIN_DATABASE}}} and {@code {{ADMIN_USER}}} for the database and role the grader or checker
 * administers the server as.
 */
public final class HostileCorpus {
    public static final Path ROOT = WorkbookHome.locate().root().resolve("tests/workbook/hostile");

    /** One attack: its name, the files a student would submit, and where its payload leaves its mark. */
    public record Attack(String name, Map<String, String> files, Path marker) {
        public boolean markerLeft() {
            return Files.exists(marker);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private HostileCorpus() {
    }

    /** The lesson's attacks whose names start with {@code prefix} ("p" routes, "r" resources, "" all). */
    public static List<Attack> attacks(String lesson, String prefix, String adminDatabase, String adminUser) {
        TaskSet set = TaskSetReader.forLesson(WorkbookHome.locate(), lesson);
        List<Attack> attacks = new ArrayList<>();
        try (Stream<Path> folders = Files.list(ROOT.resolve(lesson))) {
            for (Path folder : folders.sorted().toList()) {
                String name = folder.getFileName().toString();
                if (!name.startsWith(prefix)) {
                    continue;
                }
                Path marker = Path.of(System.getProperty("java.io.tmpdir"), "wb-hostile-" + ProcessHandle.current().pid() + "-" + lesson + "-" + name);
                Files.deleteIfExists(marker);
                String payload = read(ROOT.resolve("payload.sql")).replace("{{MARKER}}", marker.toString());
                Map<String, String> files = new LinkedHashMap<>();
                for (Task task : set.tasks()) {
                    String solution = read(set.solutionFile(task));
                    Path own = folder.resolve(task.file());
                    files.put(task.file(), !Files.exists(own) ? solution : read(own)
                            .replace("{{SOLUTION}}", solution)
                            .replace("{{PAYLOAD}}", payload)
                            .replace("{{MARKER}}", marker.toString())
                            .replace("{{ADMIN_DATABASE}}", adminDatabase)
                            .replace("{{ADMIN_USER}}", adminUser));
                }
                attacks.add(new Attack(name, files, marker));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return attacks;
    }

    /** The reference solutions, as a correct student submits them. */
    public static Map<String, String> solutions(String lesson) {
        TaskSet set = TaskSetReader.forLesson(WorkbookHome.locate(), lesson);
        Map<String, String> files = new LinkedHashMap<>();
        for (Task task : set.tasks()) {
            files.put(task.file(), read(set.solutionFile(task)));
        }
        return files;
    }

    /** Writes {@code files} into {@code folder}. */
    public static void write(Path folder, Map<String, String> files) {
        try {
            Files.createDirectories(folder);
            for (var f : files.entrySet()) {
                Files.writeString(folder.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
