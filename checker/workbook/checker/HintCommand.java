package workbook.checker;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import workbook.WorkbookHome;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;
import workbook.ExitCode;
import workbook.terminal.Console;
import workbook.terminal.Console.Style;

/** {@code ./jbang hint LESSON N}: the hints of task N so far, one more each call. */
@Command(name = "hint", mixinStandardHelpOptions = true,
        header = "Get the next hint for an assignment task; each call shows one more.",
        description = "How many you have seen is remembered in .workbook/hints/; --reset starts the task's hints again.")
public class HintCommand implements Callable<Integer> {
    @Mixin
    TaskArguments arguments = new TaskArguments();

    @Option(names = "--reset", description = "Forget the hints seen for this task.")
    boolean reset;

    Console console = Console.system();

    @Override
    public Integer call() {
        WorkbookHome home = WorkbookHome.locate();
        TaskSet set = arguments.set(home);
        String lesson = arguments.lesson;
        Task task = arguments.task(set);
        HintLedger ledger = new HintLedger(home.stateDir(), lesson);
        int number = set.numberOf(task);
        if (reset) {
            ledger.reset(task.id());
            console.line("Hints of task " + number + " reset: the next `./jbang hint " + lesson + " " + number + "` shows the first again.");
            return ExitCode.OK;
        }
        List<String> hints = task.hints();
        if (hints.isEmpty()) {
            console.line("Task " + number + " has no hints. Its statement is at the top of exercises/" + lesson + "/" + task.file() + ".");
            return ExitCode.OK;
        }
        boolean allSeenBefore = ledger.shown(task.id()) >= hints.size();
        int shown = ledger.reveal(task.id(), hints.size());
        console.line(console.style(Style.BOLD, "Task " + number + ": " + task.title()));
        for (int i = 0; i < shown; i++) {
            String mark = "hint " + (i + 1) + "/" + hints.size() + ": ";
            boolean newest = i == shown - 1 && !allSeenBefore;
            console.line("  " + console.style(newest ? Style.CYAN : Style.DIM, mark) + (newest ? hints.get(i) : console.style(Style.DIM, hints.get(i))));
        }
        if (shown < hints.size()) {
            console.line("More: `./jbang hint " + lesson + " " + number + "` again. Check: `./jbang check " + lesson + " --task " + number + "`.");
        } else {
            console.line((allSeenBefore ? "All " : "That was the last hint; all ") + hints.size() + " hints of task " + number
                    + " are shown. Still stuck? `./jbang solution " + lesson + " " + number + "` shows the reference solution if you give up.");
        }
        return ExitCode.OK;
    }
}
