package workbook.checker.kinds;

import java.util.List;

/**
 * What a check kind found: passed or not, and why in one sentence a learner can act on; notes are
 * remarks that do not change the verdict ("this index is redundant"); {@code absent} marks a failure
 * because the thing looked at does not exist.
 */
public record Verdict(boolean passed, String message, List<String> notes, boolean absent) {

    public Verdict {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public Verdict(boolean passed, String message, List<String> notes) {
        this(passed, message, notes, false);
    }

    /**
     * Failed because what the check looks at is not there at all (no such column): the check's own
     * hint, written for a wrong value, would mislead, so the task's first hint is shown instead.
     */
    public static Verdict absent(String message) {
        return new Verdict(false, message, List.of(), true);
    }

    public static Verdict pass() {
        return new Verdict(true, null, List.of());
    }

    public static Verdict passWithNote(String note) {
        return new Verdict(true, null, List.of(note));
    }

    public static Verdict fail(String message) {
        return new Verdict(false, message, List.of());
    }

    /** With --live a check may look at a moment that has passed; it then passes, and says so. */
    public static Verdict notObservable(String why) {
        return new Verdict(true, null, List.of("not checked with --live: " + why));
    }
}
