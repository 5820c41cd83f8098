package workbook.checker.run;

import java.util.ArrayList;
import java.util.List;
import workbook.checker.result.CheckResult;
import workbook.checker.result.TaskResult;
import workbook.checker.task.CheckSpec;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;

/**
 * With --live only the final state is there to see: once task 4 deleted Bob, task 2's checks on Bob's
 * row cannot be observed. A check whose {@code superseded_by} task passes is then not held against the
 * learner, and says why (the scratch mode, which runs the files, still checks it).
 */
final class LiveSupersession {
    private LiveSupersession() {
    }

    static List<TaskResult> apply(TaskSet set, List<TaskResult> results) {
        List<TaskResult> settled = new ArrayList<>();
        for (TaskResult result : results) {
            Task task = set.tasks().get(result.number() - 1);
            List<CheckResult> checks = new ArrayList<>();
            for (int i = 0; i < result.checks().size(); i++) {
                CheckResult check = result.checks().get(i);
                CheckSpec spec = task.checks().get(i);
                Integer later = spec.supersededBy();
                if (!check.passed() && later != null && later <= results.size() && results.get(later - 1).passed()) {
                    check = new CheckResult(check.taskId(), check.check(), check.max(), check.max(), true, null, null,
                            List.of("not checked with --live: task " + later + " has since removed what it looks at; `./jbang check "
                                    + set.lesson() + "` checks it by running your file"), check.visibility());
                }
                checks.add(check);
            }
            settled.add(new TaskResult(result.taskId(), result.number(), result.title(), result.bonus(),
                    TaskJudge.status(checks), result.file(), checks, result.sqlErrors(), result.notes(), result.failures()));
        }
        return settled;
    }
}
