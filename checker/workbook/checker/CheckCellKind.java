package workbook.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import workbook.checker.result.CheckReport;
import workbook.checker.result.CheckResult;
import workbook.checker.result.TaskResult;
import workbook.checker.run.AssignmentChecker;
import workbook.checker.run.ScratchDatabase;
import workbook.checker.run.ServerAccess;
import workbook.checker.task.TaskSet;
import workbook.UserError;
import workbook.notebook.CellKind;
import workbook.notebook.CellOutput;
import workbook.notebook.CodeCell;
import workbook.notebook.NotebookContext;
import workbook.notebook.Output;

/**
 * The notebook's {@code check} cell: its body names an exercise set (```check / lesson3 / ```), and
 * running it checks the learner's files exactly as {@code ./jbang check} does, shown as one verdict per
 * task. The cell succeeds when the checker ran, whatever the verdicts: they are its output.
 */
public final class CheckCellKind implements CellKind {

    @Override
    public String language() {
        return "check";
    }

    @Override
    public CellOutput run(CodeCell cell, NotebookContext context) throws Exception {
        String lesson = cell.source().strip().split("\\s+")[0];
        TaskSet set;
        try {
            set = TaskSetReader.forLesson(context.home(), lesson);
        } catch (UserError e) {
            return CellOutput.of(CellOutput.Outcome.FAILED, new Output.Error("check", e.getMessage(), List.of()));
        }
        List<Output> outputs = new ArrayList<>();
        outputs.add(new Output.Note("Your files in exercises/" + lesson + "/ ran in a scratch copy of the lesson's end state; crm_db was not touched."));
        CheckReport report;
        try (ServerAccess server = new ServerAccess(context.database().connection()).dropsInBackground()) {
            report = new AssignmentChecker(set, server, context.home().exercisesDir().resolve(lesson), "exercises/" + lesson + "/")
                    .scratch(Optional.empty(), message -> { }).forStudent();
        }
        ScratchDatabase.awaitDrops();
        for (TaskResult task : report.tasks()) {
            outputs.add(new Output.Verdict(task.passed(), verdictText(task)));
            task.notes().forEach(n -> outputs.add(new Output.Note(n)));
            task.checks().forEach(c -> c.notes().forEach(n -> outputs.add(new Output.Note(n))));
        }
        outputs.add(Output.Result.plain("Progress: " + report.progressLine() + "\n" + CheckPrinter.next(report, false)));
        return new CellOutput(CellOutput.Outcome.OK, outputs);
    }

    /** "2. Insert Bob  2/4", and for a failed task the SQL errors, the reason and the hint beneath. */
    static String verdictText(TaskResult task) {
        StringBuilder text = new StringBuilder(task.number() + ". " + task.title() + "  " + task.points() + "/" + task.max());
        if (task.status() == TaskResult.Status.NOT_ATTEMPTED) {
            return text.append("  (not attempted yet: ").append(task.file()).append(")").toString();
        }
        if (!task.passed()) {
            task.sqlErrors().forEach(e -> text.append('\n').append(e));
            Optional<CheckResult> first = task.firstFailure();
            first.ifPresent(f -> {
                text.append('\n').append(f.reason());
                if (!f.hidden()) {
                    text.append("  [check: ").append(f.check()).append(']');
                }
                if (f.hint() != null) {
                    text.append("\nhint: ").append(f.hint());
                }
            });
        }
        // the lines under the verdict's first are indented, as the terminal report does
        return text.toString().replace("\n", "\n    ");
    }
}
