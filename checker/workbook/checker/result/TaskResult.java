package workbook.checker.result;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of one task: its checks' results, plus what running the learner's file said (SQL errors
 * with file:line, skipped psql commands) and how it was judged (on the reference state of an earlier task).
 *
 * @param taskId    the task's id, e.g. {@code 01-add-columns}
 * @param number    1-based, as in {@code ./jbang check lesson3 --task N}
 * @param title     the task's one-line title
 * @param bonus     true when the task is not required for a pass
 * @param status    passed, failed, not attempted (an empty file), or not judged (--live cannot see its effect)
 * @param file      the exercise file as shown to the learner, e.g. {@code exercises/lesson3/01-add-columns.sql}
 * @param checks    one result per check, in tasks.toml order (all failed when the task was not attempted)
 * @param sqlErrors what running the file said, in file order, each "file:line:column: message" with an explanation
 *                  when known: PostgreSQL's errors, and for a failed task the results that explain it ("UPDATE 0")
 * @param notes     what else the learner should know about this run of the task
 * @param failures  the PostgreSQL errors running the file met, as data (SQLSTATE, message), in file order
 */
public record TaskResult(String taskId, int number, String title, boolean bonus, Status status, String file,
                         List<CheckResult> checks, List<String> sqlErrors, List<String> notes, List<SqlFailure> failures) {

    public TaskResult {
        checks = List.copyOf(checks);
        sqlErrors = List.copyOf(sqlErrors);
        notes = List.copyOf(notes);
        failures = List.copyOf(failures);
    }

    /** A result whose file met no PostgreSQL error worth counting (not run, or judged without running it). */
    public TaskResult(String taskId, int number, String title, boolean bonus, Status status, String file,
                      List<CheckResult> checks, List<String> sqlErrors, List<String> notes) {
        this(taskId, number, title, bonus, status, file, checks, sqlErrors, notes, List.of());
    }

    /** NOT_JUDGED: --live cannot tell the task's effect from doing nothing, so it earns nothing and counts neither way. */
    public enum Status { PASSED, FAILED, NOT_ATTEMPTED, NOT_JUDGED }

    public int points() {
        return checks.stream().mapToInt(CheckResult::points).sum();
    }

    public int max() {
        return checks.stream().mapToInt(CheckResult::max).sum();
    }

    public boolean passed() {
        return status == Status.PASSED;
    }

    /**
     * The task as the learner may read it: hidden checks masked (see {@link StudentView}). A task not attempted or
     * not judged failed each check with one reason of its own, which stays.
     */
    public TaskResult forStudent() {
        boolean taskWide = status == Status.NOT_ATTEMPTED || status == Status.NOT_JUDGED;
        return new TaskResult(taskId, number, title, bonus, status, file, checks.stream().map(c -> c.forStudent(taskWide)).toList(),
                sqlErrors, notes);
    }

    /** The first failing check: its message is the reason shown for the task. */
    public Optional<CheckResult> firstFailure() {
        return checks.stream().filter(c -> !c.passed()).findFirst();
    }
}
