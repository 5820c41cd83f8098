package workbook.checker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import workbook.ExitCode;
import workbook.UserError;
import workbook.WorkbookHome;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;
import workbook.db.Confirmation;
import workbook.progress.ProgressStore;
import workbook.progress.TaskProgress;
import workbook.terminal.Console;
import workbook.terminal.Console.Style;

/**
 * {@code ./jbang solution LESSON N}: task N's reference solution with its explanation, once the task
 * passed in {@code check}, or once every hint was shown and the learner gives up (recorded in the progress).
 */
@Command(name = "solution", mixinStandardHelpOptions = true,
        header = "Show a task's reference solution, once the task passed or you gave up after every hint.",
        description = {"The solutions live in solutions/LESSON/; they open task by task, so a learner tries first.",
                "After the last hint (./jbang hint LESSON N) you may give up: asked once, or --yes; it is recorded."})
public class SolutionCommand implements Callable<Integer> {
    @Mixin
    TaskArguments arguments = new TaskArguments();

    @Option(names = "--yes", description = "Confirm that you give up (after every hint of the task was shown).")
    boolean yes;

    Console console = Console.system();

    @Override
    public Integer call() throws IOException {
        WorkbookHome home = WorkbookHome.locate();
        TaskSet set = arguments.set(home);
        String lesson = arguments.lesson;
        Task task = arguments.task(set);
        int number = set.numberOf(task);
        ProgressStore progress = new ProgressStore(home, console::note);
        TaskProgress before = progress.read().task(lesson, task.id());
        if (before == null || !before.solutionOpen()) {
            int seen = new HintLedger(home.stateDir(), lesson).shown(task.id());
            int hints = task.hints().size();
            if (seen < hints) {
                throw new UserError(ExitCode.CHECKS_FAILED, "Task " + number + "'s solution opens once it passes `./jbang check " + lesson
                        + " --task " + number + "`, or after its last hint (" + seen + " of " + hints + " seen: `./jbang hint " + lesson + " " + number + "`).");
            }
            String what = "Task " + number + " has not passed yet and you have seen every hint. Give up and see the solution? (It is recorded.)";
            if (!Confirmation.confirmed(what, yes, "./jbang solution " + lesson + " " + number)) {
                console.note("Not shown. Keep going: `./jbang check " + lesson + " --task " + number + "` says what is still wrong.");
                return ExitCode.OK;
            }
            String now = progress.now();
            progress.update(p -> p.withTask(lesson, task.id(), (before == null ? TaskProgress.none() : before).gaveUp(now)));
        }
        Path file = set.solutionFile(task);
        if (!Files.isRegularFile(file)) {
            throw UserError.environment("Task " + number + " has no reference solution: " + home.root().relativize(file) + " is missing.", null);
        }
        console.line(console.style(Style.BOLD, "Task " + number + ": " + task.title() + ", the reference solution")
                + console.style(Style.DIM, " (" + home.root().relativize(file) + ")"));
        console.line("");
        console.line(Files.readString(file, StandardCharsets.UTF_8).stripTrailing());
        console.line("");
        console.line(console.style(Style.DIM, "Yours may differ and still be right: `./jbang check " + lesson + " --task " + number + "` is the judge."));
        return ExitCode.OK;
    }
}
