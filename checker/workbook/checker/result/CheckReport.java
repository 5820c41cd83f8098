package workbook.checker.result;

import java.util.List;
import java.util.stream.Stream;

/**
 * Everything one check run found, as data: which exercise set, how it was judged (a scratch copy
 * running the learner's files, or the live database as it is), one result per task, and, when the run
 * ended early, why ({@code stop}, e.g. "the time limit of 30 s ran out while ... was running"; else null).
 */
public record CheckReport(String lesson, Mode mode, List<TaskResult> tasks, String stop) {

    public CheckReport {
        tasks = List.copyOf(tasks);
    }

    public enum Mode { SCRATCH, LIVE }

    /** The report as the learner may read it: every place {@code check} shows a learner renders this. */
    public CheckReport forStudent() {
        return new CheckReport(lesson, mode, tasks.stream().map(TaskResult::forStudent).toList(), stop);
    }

    public List<TaskResult> required() {
        return tasks.stream().filter(t -> !t.bonus()).toList();
    }

    public List<TaskResult> bonus() {
        return tasks.stream().filter(TaskResult::bonus).toList();
    }

    /** Exit 0 iff this holds: every required task that was checked passed (one --live cannot judge is not held against it). */
    public boolean allRequiredPassed() {
        return judged(required()).allMatch(TaskResult::passed);
    }

    /** The tasks --live cannot judge, because doing nothing would pass them too; empty in scratch mode. */
    public List<TaskResult> notJudged() {
        return tasks.stream().filter(t -> t.status() == TaskResult.Status.NOT_JUDGED).toList();
    }

    private static Stream<TaskResult> judged(List<TaskResult> tasks) {
        return tasks.stream().filter(t -> t.status() != TaskResult.Status.NOT_JUDGED);
    }

    public int score() {
        return tasks.stream().mapToInt(TaskResult::points).sum();
    }

    public int maxScore() {
        return required().stream().mapToInt(TaskResult::max).sum();
    }

    public int bonusMax() {
        return bonus().stream().mapToInt(TaskResult::max).sum();
    }

    /** "3/4 tasks, bonus pending". */
    public String progressLine() {
        long passed = required().stream().filter(TaskResult::passed).count();
        long judged = judged(required()).count();
        String line = passed + "/" + judged + (judged == 1 ? " task" : " tasks");
        if (judged < required().size()) {
            line += " judged";
        }
        if (judged(bonus()).findAny().isPresent()) {
            line += judged(bonus()).allMatch(TaskResult::passed) ? ", bonus done" : ", bonus pending";
        }
        return line;
    }
}
