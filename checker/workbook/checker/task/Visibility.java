package workbook.checker.task;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Who sees a check's name, condition and message: Gradescope's four values, written in tasks.toml as
 * {@code visibility = "hidden"}. A hidden check counts toward the score like any other; the student is told
 * only that it failed (with its points) and the check's own {@code hint}. {@code after_due_date} and
 * {@code after_published} say when Gradescope shows the check in full; until then they are hidden, and every
 * place the workbook itself shows a student ({@code check}, feedback.md) comes before that moment, so there they
 * are hidden too. grades.csv, junit.xml and the instructor's reports show every check in full.
 */
public enum Visibility {
    HIDDEN("hidden"),
    AFTER_DUE_DATE("after_due_date"),
    AFTER_PUBLISHED("after_published"),
    VISIBLE("visible");

    private final String value;

    Visibility(String value) {
        this.value = value;
    }

    /** The value as tasks.toml and Gradescope's results.json write it. */
    @JsonValue
    public String value() {
        return value;
    }

    /** The value written in tasks.toml; empty when it is none of the four. */
    public static Optional<Visibility> named(String value) {
        return Arrays.stream(values()).filter(v -> v.value.equals(value)).findFirst();
    }

    public static String known() {
        return Arrays.stream(values()).map(Visibility::value).collect(Collectors.joining(", "));
    }

    /** True unless the student may read the check's name, condition and message now. */
    public boolean hiddenFromStudent() {
        return this != VISIBLE;
    }

    /** What a student is told in place of a hidden check's name: "a hidden check (2 points)". */
    public static String hiddenName(int points) {
        return "a hidden check (" + points + (points == 1 ? " point)" : " points)");
    }
}
