package workbook.checker.result;

import java.util.List;
import workbook.checker.task.Visibility;

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
 * @param visibility who may read the check in full; a hidden one is shown to the learner through {@link #forStudent}
 */
public record CheckResult(String taskId, String check, int points, int max, boolean passed, String message, String hint, List<String> notes,
                          Visibility visibility) {

    public CheckResult {
        notes = notes == null ? List.of() : List.copyOf(notes);
        visibility = visibility == null ? Visibility.VISIBLE : visibility;
    }

    public boolean hidden() {
        return visibility.hiddenFromStudent();
    }

    /** The line that says why it failed: its message, or of a hidden check as a student reads it, "a hidden check (2 points) failed". */
    public String reason() {
        return message != null ? message : check + " failed";
    }

    /** This result as a student may read it (see {@link StudentView}); {@code taskWide}: its message is the task's reason. */
    CheckResult forStudent(boolean taskWide) {
        StudentView view = StudentView.of(visibility, check, max, passed, message, hint, notes, taskWide);
        return new CheckResult(taskId, view.name(), points, max, passed, view.message(), view.hint(), view.notes(), visibility);
    }
}
