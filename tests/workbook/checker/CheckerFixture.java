package workbook.checker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import workbook.TestDatabase;
import workbook.WorkbookHome;
import workbook.cli.CommandRunner;
import workbook.checker.result.CheckReport;
import workbook.checker.run.AssignmentChecker;
import workbook.checker.run.ServerAccess;
import workbook.checker.task.TaskSet;
import workbook.db.ConnectionInfo;
import workbook.terminal.Console;

/**
 * The lesson3 assignment against a real PostgreSQL: one "crm_db" per fixture on the test server,
 * submissions as folders of exercise files (a case's files laid over the reference solutions).
 */
final class CheckerFixture {
    static final WorkbookHome HOME = WorkbookHome.locate();
    static final TaskSet LESSON3 = TaskSetReader.forLesson(HOME, "lesson3");
    static final Path SUBMISSIONS = HOME.root().resolve("tests/workbook/checker/submissions");

    final ConnectionInfo crmDb;
    final ServerAccess server;

    CheckerFixture(String name) {
        crmDb = TestDatabase.freshDatabase(name);
        server = new ServerAccess(crmDb);
    }

    CheckReport scratch(Path folder) {
        return scratch(folder, Optional.empty());
    }

    CheckReport scratch(Path folder, Optional<Integer> task) {
        try {
            return new AssignmentChecker(LESSON3, server, folder, "exercises/lesson3/").scratch(task, message -> { });
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    CheckReport live() {
        return new AssignmentChecker(LESSON3, server, HOME.exercisesDir().resolve("lesson3"), "exercises/lesson3/").live(Optional.empty());
    }

    /** Runs `check` with {@code args} in this JVM as CommandRunner runs it; returns what it printed. */
    static String check(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CheckCommand command = new CheckCommand();
        command.console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8), false);
        CommandRunner.run(command, args);
        return out.toString(StandardCharsets.UTF_8);
    }

    static Path solutions() {
        return HOME.solutionsDir().resolve("lesson3");
    }

    static Path starters() {
        return HOME.exercisesDir().resolve("lesson3");
    }

    /** A submission folder: the reference solutions with the case's own files laid over them. */
    static Path overlay(Path caseFolder) {
        try {
            Path folder = Files.createTempDirectory("submission-");
            try (var files = Files.list(solutions())) {
                for (Path f : files.toList()) {
                    Files.copy(f, folder.resolve(f.getFileName()));
                }
            }
            try (var files = Files.list(caseFolder)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                    Files.copy(f, folder.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
