package workbook.grading;

import static workbook.grading.Markdown.block;
import static workbook.grading.Markdown.inline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code results.json} in Gradescope's autograder format: the top-level score and one test per check, named
 * "task id: check", with score, max_score, status (passed|failed) and the student's feedback as Markdown
 * ({@code "output_format": "md"}). A hidden check (see {@link workbook.checker.task.Visibility}) becomes two
 * tests: a visible one without points, named "task id: a hidden check (2 points)", whose output is what the
 * student may read (its hint); and one with its points and full detail whose {@code visibility} is the check's
 * (hidden, after_due_date or after_published), which Gradescope shows the instructor, and the student only when
 * that visibility allows. Only fields of Gradescope's specification appear.
 */
public final class GradescopeResults {
    private GradescopeResults() {
    }

    public static ObjectNode render(GradeRecord record) {
        GradeRecord shown = record.forStudent();
        ObjectNode root = ResultStore.JSON.createObjectNode();
        root.put("score", record.score());
        root.put("execution_time", Math.round(record.seconds() * 1000) / 1000.0);
        root.put("output", summary(record));
        ArrayNode tests = root.putArray("tests");
        for (int t = 0; t < record.tasks().size(); t++) {
            GradeRecord.TaskGrade task = record.tasks().get(t);
            GradeRecord.TaskGrade seen = shown.tasks().get(t);
            for (int c = 0; c < task.checks().size(); c++) {
                GradeRecord.CheckGrade check = task.checks().get(c);
                // the file's SQL errors explain most failures; they go with the task's first check only
                boolean first = c == 0;
                if (check.hidden()) {
                    test(tests, seen, seen.checks().get(c), first).put("visibility", "visible");
                }
                ObjectNode test = test(tests, task, check, first);
                test.put("score", check.points());
                test.put("max_score", check.max());
                if (check.hidden()) {
                    test.put("visibility", check.visibility().value());
                }
            }
        }
        return root;
    }

    public static void write(Path file, GradeRecord record) throws IOException {
        ResultStore.JSON.writeValue(file.toFile(), render(record));
    }

    private static ObjectNode test(ArrayNode tests, GradeRecord.TaskGrade task, GradeRecord.CheckGrade check, boolean first) {
        ObjectNode test = tests.addObject();
        test.put("name", task.id() + ": " + check.name());
        test.put("status", check.passed() ? "passed" : "failed");
        test.put("output", output(task, check, first));
        test.put("output_format", "md");
        return test;
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

    /** One check's feedback in Markdown, paragraph by paragraph: why it failed, the hint, notes, then the task's. */
    private static String output(GradeRecord.TaskGrade task, GradeRecord.CheckGrade check, boolean first) {
        List<String> parts = new ArrayList<>();
        if (!check.passed()) {
            parts.add(inline(check.message() != null ? check.message() : check.name() + " failed"));
        }
        if (!check.passed() && check.hint() != null) {
            parts.add("**Hint:** " + inline(check.hint()));
        }
        check.notes().forEach(note -> parts.add("Note: " + inline(note)));
        if (first) {
            if (!task.sqlErrors().isEmpty()) {
                parts.add("PostgreSQL said, running your file:\n\n" + block(String.join("\n", task.sqlErrors())));
            }
            task.notes().forEach(note -> parts.add("> " + inline(note)));
        }
        return String.join("\n\n", parts);
    }
}
