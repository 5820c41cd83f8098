package workbook.checker;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import workbook.ExitCode;
import workbook.UserError;
import workbook.checker.result.CheckReport;
import workbook.checker.result.TaskResult;
import workbook.checker.run.AssignmentApplier;
import workbook.checker.run.ServerAccess;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;
import workbook.db.Confirmation;
import workbook.terminal.Console;

/**
 * {@code check LESSON --apply}, after the check: carries the learner's work into crm_db. Only when every
 * required task passed (a half-done assignment would leave crm_db between states no lesson describes); the
 * bonus goes along when it passed, and is said to be left out when not. Refuses, changing nothing, when
 * crm_db is not where the assignment starts; asks first unless --yes.
 */
final class CheckApply {
    private final TaskSet set;
    private final ServerAccess server;
    private final Path folder;
    private final Console console;

    CheckApply(TaskSet set, ServerAccess server, Path folder, Console console) {
        this.set = set;
        this.server = server;
        this.folder = folder;
        this.console = console;
    }

    int apply(CheckReport report, boolean yes) throws SQLException {
        String lesson = set.lesson();
        List<TaskResult> failing = report.required().stream().filter(t -> !t.passed()).toList();
        if (!failing.isEmpty()) {
            throw new UserError(ExitCode.CHECKS_FAILED, "Not applied: --apply carries your work into crm_db once every required task passes (task "
                    + failing.get(0).number() + " does not yet). Nothing was changed.");
        }
        List<TaskResult> passing = report.tasks().stream().filter(TaskResult::passed).toList();
        AssignmentApplier applier = new AssignmentApplier(set, server, folder, "exercises/" + lesson + "/");
        List<String> differences = applier.differencesFromStart(console::info);
        if (!differences.isEmpty()) {
            int more = differences.size() - 1;
            throw UserError.environment("Not applied: crm_db is not where the assignment starts (where lesson " + lesson + " leaves it): "
                    + differences.get(0) + (more > 0 ? " (and " + more + " more difference" + (more == 1 ? "" : "s") + ")" : "")
                    + ". Nothing was changed.", null);
        }
        List<String> numbers = passing.stream().map(t -> String.valueOf(t.number())).toList();
        String what = "Run " + (numbers.size() == 1 ? "task " : "tasks ") + String.join(", ", numbers) + " from exercises/" + lesson
                + "/ on crm_db (" + server.info().host() + ":" + server.info().port() + "), in one transaction?";
        if (!Confirmation.confirmed(what, yes, "./jbang check " + lesson + " --apply")) {
            console.note("Nothing applied.");
            return ExitCode.OK;
        }
        List<Task> tasks = new ArrayList<>();
        passing.forEach(t -> tasks.add(set.tasks().get(t.number() - 1)));
        AssignmentApplier.Applied applied = applier.apply(tasks);
        applied.notes().forEach(console::note);
        report.bonus().stream().filter(t -> !t.passed()).forEach(t -> console.note("task " + t.number() + " (" + t.title()
                + ") does not pass, so it was left out; run it yourself with psql once it does"));
        console.ok("Applied " + (numbers.size() == 1 ? "task " : "tasks ") + String.join(", ", numbers) + " to crm_db (" + applied.statements()
                + " statements, one transaction): crm_db now holds the assignment's end state. See it: `./jbang check " + lesson + " --live`.");
        return ExitCode.OK;
    }
}
