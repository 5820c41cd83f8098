package workbook.checker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import workbook.ExitCode;
import workbook.UserError;
import workbook.WholeFile;
import workbook.WorkbookHome;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;
import workbook.db.Confirmation;
import workbook.terminal.Console;

/** {@code ./jbang reset LESSON N}: puts task N's exercise file back as it started, keeping the learner's version aside. */
@Command(name = "reset", mixinStandardHelpOptions = true,
        header = "Start one exercise again: its file in exercises/LESSON/ goes back to the starter.",
        description = {"The starter is written from the task's statement in tasks.toml (no git needed).",
                "Your current file is kept under .workbook/reset/LESSON/ first; asks before it changes anything."})
public class ResetCommand implements Callable<Integer> {
    @Mixin
    TaskArguments arguments = new TaskArguments();

    @Option(names = "--yes", description = "Do not ask.")
    boolean yes;

    Console console = Console.system();

    @Override
    public Integer call() throws IOException {
        WorkbookHome home = WorkbookHome.locate();
        TaskSet set = arguments.set(home);
        String lesson = arguments.lesson;
        Task task = arguments.task(set);
        int number = set.numberOf(task);
        Path file = set.exerciseFile(task);
        String starter = StarterFile.of(set, task);
        String shownFile = "exercises/" + lesson + "/" + task.file();
        if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(starter)) {
            console.line(shownFile + " is as it started: nothing to reset.");
            return ExitCode.OK;
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path kept = home.stateDir().resolve("reset").resolve(lesson).resolve(task.id() + "-" + stamp + ".sql");
        String shownKept = home.root().relativize(kept).toString();
        String what = "This puts " + shownFile + " back as it started (your version is kept as " + shownKept + ").";
        if (!Confirmation.confirmed(what, yes, "./jbang reset " + lesson + " " + number)) {
            console.note("Nothing changed.");
            return ExitCode.OK;
        }
        try {
            if (Files.exists(file)) {
                Files.createDirectories(kept.getParent());
                Files.copy(file, kept, StandardCopyOption.REPLACE_EXISTING);
            }
            // a whole file or the old one, never half a starter
            WholeFile.replace(file, starter);
        } catch (IOException e) {
            throw UserError.environment("Cannot reset " + shownFile + " (" + e.getMessage() + "); nothing was lost.", e);
        }
        console.ok("Task " + number + " starts again: " + shownFile + " is the starter"
                + (Files.exists(kept) ? "; your version is kept as " + shownKept + "." : "."));
        return ExitCode.OK;
    }
}
