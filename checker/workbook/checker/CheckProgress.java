package workbook.checker;

import workbook.checker.result.CheckReport;
import workbook.checker.result.TaskResult;
import workbook.progress.ProgressStore;
import workbook.progress.TaskProgress;

/**
 * What a {@code check} run of the learner's files leaves in the progress store: each task's best points
 * and when it first passed. A --live run records nothing: it judges crm_db, not the files, and
 * {@code solution} opens on what the files earned.
 */
final class CheckProgress {
    private CheckProgress() {
    }

    static void record(ProgressStore store, CheckReport report) {
        if (report.mode() != CheckReport.Mode.SCRATCH) {
            return;
        }
        String now = store.now();
        store.update(progress -> {
            var changed = progress;
            for (TaskResult task : report.tasks()) {
                TaskProgress before = changed.task(report.lesson(), task.taskId());
                TaskProgress after = (before == null ? TaskProgress.none() : before).checked(task.points(), task.max(), task.passed(), now);
                changed = changed.withTask(report.lesson(), task.taskId(), after);
            }
            return changed;
        });
    }
}
