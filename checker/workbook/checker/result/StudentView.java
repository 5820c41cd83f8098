package workbook.checker.result;

import java.util.List;
import workbook.checker.task.Visibility;

/**
 * What a student may read of one check. All of a visible one; of a hidden one (see {@link Visibility}) its
 * verdict, its points, "a hidden check (2 points)" for its name and its hint, never its message or notes, which
 * tell its condition. The one place this rule lives: {@code check}'s report, feedback.md and results.json all
 * ask it.
 *
 * @param name     the check's name, or "a hidden check (2 points)"
 * @param message  why it failed; null when passed, and for a hidden check (its name and ✗ say it failed)
 * @param hint     the check's own hint, which an author writes for the student of a hidden check too
 * @param notes    remarks on the verdict; none of a hidden check
 */
public record StudentView(String name, String message, String hint, List<String> notes) {

    /**
     * @param taskWide  true when {@code message} is the task's reason, the same for each check (an empty file, a
     *                  submission that could not be read, a task --live cannot judge): it tells nothing of the
     *                  check, so a hidden check keeps it
     */
    public static StudentView of(Visibility visibility, String name, int max, boolean passed, String message, String hint,
                                 List<String> notes, boolean taskWide) {
        if (!visibility.hiddenFromStudent()) {
            return new StudentView(name, message, hint, notes);
        }
        return new StudentView(Visibility.hiddenName(max), taskWide ? message : null, hint, List.of());
    }
}
