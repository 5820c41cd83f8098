package workbook.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import workbook.checker.result.CheckReport;
import workbook.checker.result.CheckResult;
import workbook.checker.result.TaskResult;
import workbook.terminal.Console;
import workbook.terminal.Console.Style;

/**
 * Shows a {@link CheckReport} in the terminal, rustlings-style: a line per task with ✓ or ✗ and its
 * points, under a failed task the cause (PostgreSQL's errors, a statement that matched no row) first, then the
 * exact reason, a hint when the mistake is a known one, and any notes, then the
 * progress and the next command to run.
 */
public final class CheckPrinter {
    private final Console console;

    public CheckPrinter(Console console) {
        this.console = console;
    }

    /** Prints {@code report} as the learner may read it: a hidden check by its points and hint alone. */
    public void print(CheckReport full, boolean singleTask) {
        CheckReport report = full.forStudent();
        for (TaskResult task : report.tasks()) {
            if (task.status() != TaskResult.Status.NOT_JUDGED) {
                printTask(task);
            }
        }
        if (!report.notJudged().isEmpty()) {
            console.line(console.style(Style.DIM, "· not judged live: " + String.join(", ",
                    report.notJudged().stream().map(t -> t.number() + ". " + t.title()).toList())
                    + " (an untouched crm_db passes them too; `./jbang check " + report.lesson() + "` runs your files to judge them)"));
        }
        console.line("");
        console.line(console.style(Style.BOLD, "Progress: ") + report.progressLine() + " · " + points(report));
        console.line(next(report, singleTask));
    }

    private void printTask(TaskResult task) {
        String head = task.number() + ". " + task.title() + "  " + task.points() + "/" + task.max();
        switch (task.status()) {
            case PASSED -> console.ok(head);
            case FAILED -> console.fail(head);
            case NOT_ATTEMPTED -> console.line(console.style(Style.DIM, "·") + " " + task.number() + ". " + task.title()
                    + "  " + console.style(Style.DIM, task.firstFailure().map(CheckResult::message).orElse("not attempted yet")));
        }
        if (task.status() == TaskResult.Status.FAILED) {
            Optional<CheckResult> first = task.firstFailure();
            for (String error : task.sqlErrors()) {
                indent(console.style(Style.RED, error));
            }
            first.ifPresent(f -> {
                indent(f.hidden() ? f.reason() : f.reason() + console.style(Style.DIM, "  [check: " + f.check() + "]"));
                long more = task.checks().stream().filter(c -> !c.passed()).count() - 1;
                if (more > 0) {
                    indent(console.style(Style.DIM, "(" + more + " more check" + (more == 1 ? "" : "s") + " failing: "
                            + String.join(", ", task.checks().stream().filter(c -> !c.passed()).skip(1).map(CheckResult::check).toList()) + ")"));
                }
            });
            // one hint, and only for a failure a check foresaw: the task's hints wait for `./jbang hint`
            task.checks().stream().filter(c -> !c.passed() && c.hint() != null).map(CheckResult::hint).findFirst()
                    .ifPresent(hint -> indent(console.style(Style.CYAN, "hint: ") + hint));
        }
        List<String> notes = new ArrayList<>(task.notes());
        task.checks().forEach(c -> notes.addAll(c.notes()));
        for (String note : notes) {
            indent(console.style(Style.YELLOW, "note: ") + note);
        }
    }

    private void indent(String text) {
        text.lines().forEach(l -> console.line("    " + l));
    }

    private static String points(CheckReport report) {
        int required = report.required().stream().mapToInt(TaskResult::points).sum();
        int bonus = report.bonus().stream().mapToInt(TaskResult::points).sum();
        String line = required + "/" + report.maxScore() + " points";
        return report.bonus().isEmpty() ? line : line + " (+" + bonus + "/" + report.bonusMax() + " bonus)";
    }

    private static boolean judgedAndFailed(TaskResult task) {
        return !task.passed() && task.status() != TaskResult.Status.NOT_JUDGED;
    }

    /** The one command to run next, as rustlings ends every report. */
    public static String next(CheckReport report, boolean singleTask) {
        String live = report.mode() == CheckReport.Mode.LIVE ? " --live" : "";
        Optional<TaskResult> todo = report.required().stream().filter(CheckPrinter::judgedAndFailed).findFirst()
                .or(() -> report.bonus().stream().filter(CheckPrinter::judgedAndFailed).findFirst());
        if (todo.isEmpty()) {
            if (singleTask) {
                return "Next: `./jbang check " + report.lesson() + live + "` to check every task.";
            }
            String carry = report.mode() == CheckReport.Mode.SCRATCH ? " Carry your work into crm_db: `./jbang check " + report.lesson()
                    + " --apply` (or psql -f each file, in order)." : "";
            return "All done." + carry + " Compare with the reference solutions, which explain why they work: `./jbang solution "
                    + report.lesson() + " N`.";
        }
        TaskResult task = todo.get();
        String again = "`./jbang check " + report.lesson() + " --task " + task.number() + live + "`";
        String hint = "`./jbang hint " + report.lesson() + " " + task.number() + "`";
        if (report.mode() == CheckReport.Mode.LIVE) {
            return "Next: task " + task.number() + " in your crm_db (psql or the notebook), then " + again + ". Stuck? " + hint;
        }
        String verb = task.status() == TaskResult.Status.NOT_ATTEMPTED ? "write task " + task.number() + " in " : "fix ";
        return "Next: " + verb + task.file() + ", then " + again + ". Stuck? " + hint;
    }
}
