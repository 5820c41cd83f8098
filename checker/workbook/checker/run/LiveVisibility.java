package workbook.checker.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import workbook.checker.result.CheckResult;
import workbook.checker.result.TaskResult;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;

/**
 * --live sees only the state crm_db is in, not how it got there. A task whose checks all pass on the state
 * the assignment starts from (reference state 0: the lesson done, the assignment not begun) would pass
 * for a learner who did nothing, so --live cannot see its effect: such a task earns nothing, and when it
 * passes it is not judged (a failure of it is real, and shown). The rule holds for any task set; with
 * lesson3's, it names Insert Bob (Bob is gone again after task 4) and Delete Bob (Bob was never there).
 */
final class LiveVisibility {
    private LiveVisibility() {
    }

    /** The numbers of the tasks that {@code onStart}, a live judgement of the start state, finds passed. */
    static Set<Integer> passedByDoingNothing(List<TaskResult> onStart) {
        return onStart.stream().filter(TaskResult::passed).map(TaskResult::number).collect(Collectors.toSet());
    }

    /**
     * {@code results} with every task in {@code unseen} earning nothing: when it passes, it is not judged (its checks
     * at no points, saying why); when it fails, the failure is real (the start state passed it), so it is shown, but
     * its passing checks earn nothing.
     */
    static List<TaskResult> apply(TaskSet set, List<TaskResult> results, Set<Integer> unseen) {
        List<TaskResult> settled = new ArrayList<>();
        for (TaskResult result : results) {
            if (!unseen.contains(result.number())) {
                settled.add(result);
                continue;
            }
            Task task = set.tasks().get(result.number() - 1);
            if (result.passed()) {
                List<CheckResult> none = task.checks().stream()
                        .map(spec -> new CheckResult(task.id(), spec.name(), 0, spec.points(), false, WHY, null, List.of(), task.visibilityOf(spec)))
                        .toList();
                settled.add(new TaskResult(result.taskId(), result.number(), result.title(), result.bonus(),
                        TaskResult.Status.NOT_JUDGED, result.file(), none, List.of(), List.of()));
            } else {
                List<CheckResult> failuresOnly = result.checks().stream()
                        .map(c -> new CheckResult(c.taskId(), c.check(), 0, c.max(), c.passed(), c.message(), c.hint(), c.notes(), c.visibility()))
                        .toList();
                List<String> notes = new ArrayList<>(result.notes());
                notes.add("its passing checks earn nothing with --live: an untouched crm_db passes them too");
                settled.add(new TaskResult(result.taskId(), result.number(), result.title(), result.bonus(),
                        result.status(), result.file(), failuresOnly, result.sqlErrors(), notes, result.failures()));
            }
        }
        return settled;
    }

    static final String WHY = "not judged with --live: crm_db untouched by the assignment passes it too, so its effect cannot be seen";
}
