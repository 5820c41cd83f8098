package workbook.checker;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import workbook.ExitCode;
import workbook.WorkbookHome;
import workbook.checker.Course.Walk;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;
import workbook.progress.NotebookProgress;
import workbook.progress.Progress;
import workbook.progress.ProgressStore;
import workbook.progress.TaskProgress;
import workbook.terminal.Console;
import workbook.terminal.Console.Style;
import workbook.terminal.DisplayText;

/** {@code ./jbang progress}: the course at a glance (lesson, labs, assignment) and the one command to run next. */
@Command(name = "progress", mixinStandardHelpOptions = true,
        header = "The course at a glance: steps walked, tasks passed, and what to run next.",
        description = "Read from .workbook/progress.json, which the walks and `check` keep up to date.")
public class ProgressCommand implements Callable<Integer> {
    @Option(names = "--commands", description = "Also list every command (what a bare ./jbang shows).")
    boolean commands;

    @Option(names = "--verbose", hidden = true)
    boolean verbose;

    Console console = Console.system();

    @Override
    public Integer call() {
        WorkbookHome home = WorkbookHome.locate();
        Course course = Course.of(home);
        Progress progress = new ProgressStore(home, console::note).read();
        console.line(console.style(Style.BOLD, "Lesson and labs"));
        int nameWidth = course.walks().stream().mapToInt(w -> DisplayText.width(w.alias())).max().orElse(0);
        for (Walk walk : course.walks()) {
            NotebookProgress done = progress.notebook(walk.name());
            int steps = done == null ? 0 : Math.min(done.done(), walk.steps());
            String mark = steps >= walk.steps() ? console.style(Style.GREEN, "✓") : steps > 0 ? "…" : "·";
            // a long title wraps under itself, not under the name
            console.row("  " + mark + " " + DisplayText.pad(walk.alias(), nameWidth, false) + "  "
                    + DisplayText.pad(steps + "/" + walk.steps(), 5, true) + " steps  " + console.style(Style.DIM, walk.title()),
                    "  ✓ ".length() + nameWidth + 2 + 5 + " steps  ".length());
        }
        for (TaskSet set : course.exerciseSets()) {
            console.line("");
            console.line(console.style(Style.BOLD, "Exercises " + set.lesson() + ": " + set.title()) + console.style(Style.DIM, " (exercises/" + set.lesson() + "/)"));
            int width = set.tasks().stream().mapToInt(t -> DisplayText.width(set.numberOf(t) + ". " + t.title())).max().orElse(0);
            for (Task task : set.tasks()) {
                console.line("  " + taskLine(set, task, width, progress.task(set.lesson(), task.id())));
            }
        }
        console.line("");
        console.line(console.style(Style.BOLD, "Next: ") + next(course, progress));
        if (commands) {
            console.line("");
            console.line(console.style(Style.BOLD, "Commands") + console.style(Style.DIM, " (each has --help)"));
            int width = course.commands().stream().mapToInt(c -> DisplayText.width(c.name())).max().orElse(0);
            course.commands().forEach(c -> console.row("  ./jbang " + DisplayText.pad(c.name(), width, false) + "  " + c.description(),
                    "  ./jbang ".length() + width + 2));
        }
        return ExitCode.OK;
    }

    private String taskLine(TaskSet set, Task task, int width, TaskProgress result) {
        String title = DisplayText.pad(set.numberOf(task) + ". " + task.title(), width, false);
        if (result == null || result.max() == 0 && !result.passed()) {
            return console.style(Style.DIM, "·") + " " + title + "  " + console.style(Style.DIM, "not checked yet");
        }
        String points = result.points() + "/" + result.max() + (task.bonus() ? " bonus" : "");
        String gaveUp = result.gaveUp() != null && !result.passed() ? console.style(Style.DIM, " (solution shown)") : "";
        return (result.passed() ? console.style(Style.GREEN, "✓") : console.style(Style.RED, "✗")) + " " + title + "  " + points + gaveUp;
    }

    /** The lesson, then its exercises, then each lab and its exercises, in the catalog's order. */
    static String next(Course course, Progress progress) {
        for (Walk walk : course.walks()) {
            NotebookProgress done = progress.notebook(walk.name());
            if (done == null || done.done() < walk.steps()) {
                boolean resumes = done != null && done.step() > 1 && done.step() <= walk.steps();
                return "`./jbang " + walk.alias() + "`" + (resumes ? " (continues at step " + done.step() + " of " + walk.steps() + ")" : "");
            }
            Optional<TaskSet> set = course.exercisesOf(walk);
            if (set.isPresent()) {
                Optional<Task> open = set.get().tasks().stream().filter(t -> {
                    TaskProgress p = progress.task(set.get().lesson(), t.id());
                    return p == null || !p.passed();
                }).findFirst();
                if (open.isPresent()) {
                    int number = set.get().numberOf(open.get());
                    return "task " + number + " in exercises/" + set.get().lesson() + "/" + open.get().file()
                            + ", then `./jbang check " + set.get().lesson() + " --task " + number + "`";
                }
            }
        }
        return "nothing left: every step walked and every task passed. Well done.";
    }
}
