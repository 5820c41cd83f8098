package workbook.checker.result;

import java.util.List;

/**
 * The outcome of one check of one task, as data: graders render Gradescope, JUnit and CSV from these
 * records without running anything again.
 *
 * @param taskId   the task's id, e.g. {@code 03-update-alice}
 * @param check    the check's name from tasks.toml, e.g. "no other row changed"
 * @param points   points earned: {@code max} when passed, else 0
 * @param max      what the check is worth
 * @param passed   whether the database was as the check asks
 * @param message  why it failed, concretely (null when passed)
 * @param hint     what to try (null when passed)
 * @param notes    remarks that do not change the verdict (a redundant index; not observable with --live)
 */
public record CheckResult(String taskId, String check, int points, int max, boolean passed, String message, String hint, List<String> notes) {

    public CheckResult {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
