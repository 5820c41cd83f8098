package workbook.checker.kinds;

import java.util.List;

/**
 * What a check kind found: passed or not, and why in one sentence a learner can act on; notes are
 * remarks that do not change the verdict ("this index is redundant").
 */
public record Verdict(boolean passed, String message, List<String> notes) {

    public Verdict {
        notes = notes == null ? List.of() : List.copyOf(notes);
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
