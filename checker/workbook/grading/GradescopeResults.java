package workbook.grading;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code results.json} in Gradescope's autograder format: the top-level score and one test per check,
 * named "task id: check", with score, max_score, status (passed|failed) and output. Only fields of
 * Gradescope's specification appear.
 */
public final class GradescopeResults {
    private GradescopeResults() {
    }

    public static ObjectNode render(GradeRecord record) {
        ObjectNode root = ResultStore.JSON.createObjectNode();
        root.put("score", record.score());
        root.put("execution_time", Math.round(record.seconds() * 1000) / 1000.0);
        root.put("output", summary(record));
        ArrayNode tests = root.putArray("tests");
        for (GradeRecord.TaskGrade task : record.tasks()) {
            for (GradeRecord.CheckGrade check : task.checks()) {
                ObjectNode test = tests.addObject();
                test.put("name", task.id() + ": " + check.name());
                test.put("score", check.points());
                test.put("max_score", check.max());
                test.put("status", check.passed() ? "passed" : "failed");
                test.put("output", output(task, check));
            }
        }
        return root;
    }

    public static void write(Path file, GradeRecord record) throws IOException {
        ResultStore.JSON.writeValue(file.toFile(), render(record));
    }

    private static String summary(GradeRecord record) {
        List<String> lines = new ArrayList<>();
        // score counts bonus points, the required tasks' max does not: said, so that 23/21 is no surprise
        lines.add(record.lesson() + ": " + record.score() + "/" + record.maxScore() + " points"
                + (record.bonusMax() > 0 ? " (bonus included: " + record.bonus() + " of " + record.bonusMax() + " bonus points)" : ""));
        if (record.problem() != null) {
            lines.add(record.status() == GradeRecord.Status.TIMED_OUT ? "Timed out: " + record.problem() : "Not graded: " + record.problem());
        }
        if (!record.missing().isEmpty()) {
            lines.add("Missing files (graded as empty): " + String.join(", ", record.missing()));
        }
        if (!record.stray().isEmpty()) {
            lines.add("Ignored files: " + String.join(", ", record.stray()));
        }
        return String.join("\n", lines);
    }

    private static String output(GradeRecord.TaskGrade task, GradeRecord.CheckGrade check) {
        List<String> lines = new ArrayList<>();
        if (!check.passed() && check.message() != null) {
            lines.add(check.message());
        }
        if (!check.passed() && check.hint() != null) {
            lines.add("Hint: " + check.hint());
        }
        lines.addAll(check.notes());
        // the file's SQL errors explain most failures; they go with the task's first check only
        if (!task.checks().isEmpty() && task.checks().get(0) == check) {
            lines.addAll(task.sqlErrors());
            lines.addAll(task.notes());
        }
        return String.join("\n", lines);
    }
}
