package workbook.checker.run;

import java.util.ArrayList;
import java.util.List;
import workbook.checker.kinds.CheckKinds;
import workbook.checker.kinds.Inspection;
import workbook.checker.kinds.Verdict;
import workbook.checker.result.CheckResult;
import workbook.checker.result.TaskResult;
import workbook.checker.task.CheckSpec;
import workbook.checker.task.Task;
import workbook.sql.ExceptionText;

/** Judges one task: every check of it against the database, then the task's verdict from theirs. */
public final class TaskJudge {
    private TaskJudge() {
    }

    public static List<CheckResult> judge(Task task, Inspection db) {
        List<CheckResult> results = new ArrayList<>();
        for (CheckSpec spec : task.checks()) {
            Verdict verdict;
            try {
                verdict = CheckKinds.named(spec.kind()).judge(spec, db);
            } catch (RuntimeException e) {
                // e.g. the condition names a column the learner dropped: still a concrete reason, not a crash
                verdict = Verdict.fail("could not check it: " + rootMessage(e));
            }
            results.add(of(task, spec, verdict));
        }
        return results;
    }

    /**
     * A check's result. Its hint is given only for a failure its check foresaw (the check's own hint, written for a
     * wrong value, not for a missing column): a task's hints wait until the learner asks with {@code ./jbang hint}.
     */
    static CheckResult of(Task task, CheckSpec spec, Verdict verdict) {
        String hint = verdict.passed() || verdict.absent() ? null : spec.hint();
        return new CheckResult(task.id(), spec.name(), verdict.passed() ? spec.points() : 0, spec.points(),
                verdict.passed(), verdict.message(), hint, verdict.notes(), task.visibilityOf(spec));
    }

    /** The same results without hints: for a task whose failure its file's errors already explain. */
    static List<CheckResult> withoutHints(List<CheckResult> checks) {
        return checks.stream().map(c -> c.hint() == null ? c
                : new CheckResult(c.taskId(), c.check(), c.points(), c.max(), c.passed(), c.message(), null, c.notes(), c.visibility())).toList();
    }

    /** Every check failed with one reason: the file had nothing to run, or could not be read. */
    static List<CheckResult> allFailed(Task task, String reason) {
        return task.checks().stream()
                .map(spec -> new CheckResult(task.id(), spec.name(), 0, spec.points(), false, reason, null, List.of(), task.visibilityOf(spec)))
                .toList();
    }

    /** A task whose file did not run to the end or at all because the sandbox's time ran out: every check failed with why. */
    static TaskResult notRun(int number, Task task, String file, String reason) {
        return new TaskResult(task.id(), number, task.title(), task.bonus(), TaskResult.Status.FAILED, file,
                allFailed(task, reason), List.of(), List.of());
    }

    static TaskResult.Status status(List<CheckResult> checks) {
        return checks.stream().allMatch(CheckResult::passed) ? TaskResult.Status.PASSED : TaskResult.Status.FAILED;
    }

    /** The driver's message without its "ERROR: " label: the verdict already says it failed. */
    private static String rootMessage(Throwable e) {
        return ExceptionText.rootLine(e).replaceFirst("^ERROR: ", "");
    }
}
