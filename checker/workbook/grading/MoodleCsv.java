package workbook.grading;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;

/**
 * {@code moodle.csv}: the class's points as Moodle's gradebook "Import > CSV file" reads them. Followed: MoodleDocs,
 * "Grade import" (docs.moodle.org/311/en/Grade_import): a header row, one row per student; on import the teacher maps
 * the student by "Map from: Email address" to "Map to: useremail" (addresses compared case-sensitively, so they are
 * written as the roster has them), then each column to a grade item or to its feedback. MoodleDocs warns that
 * importing feedback without the grade beside it loses the grades, so both sit in every row. Columns:
 * {@code Email address}, {@code Name}, the assignment's points (bonus included), {@code Feedback}; with task columns,
 * each task's points after the feedback. A student without an email cannot be matched and is left out (the roster
 * report names them); one without a submission gets 0 and says so. The feedback is points per task only: never a
 * check's wording, so nothing a check keeps from students reaches them through it.
 */
public final class MoodleCsv {
    public static final String FILE = "moodle.csv";
    public static final String EMAIL = "Email address";
    public static final String NAME = "Name";
    public static final String FEEDBACK = "Feedback";

    private MoodleCsv() {
    }

    public static void write(Path file, TaskSet set, List<GradeRecord> records, Roster roster, String assignment, boolean taskColumns)
            throws IOException {
        List<Task> tasks = taskColumns ? set.tasks() : List.of();
        List<String> header = new ArrayList<>(List.of(EMAIL, NAME, assignment, FEEDBACK));
        tasks.forEach(task -> header.add(CanvasCsv.taskColumn(assignment, task)));

        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", header.stream().map(GradesCsv::text).toList()));
        for (RosterMatch.Graded graded : RosterMatch.of(roster, records).students()) {
            Roster.Student s = graded.student();
            if (s.email().isEmpty()) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(GradesCsv.field(s.email()), GradesCsv.text(s.name()),
                    Integer.toString(graded.score()), GradesCsv.text(feedback(set, graded.record()))));
            tasks.forEach(task -> row.add(Integer.toString(graded.points(task.id()))));
            lines.add(String.join(",", row));
        }
        GradesCsv.writeLines(file, lines);
    }

    /** One line a student reads in Moodle: the total, then each task's points ("01-add-columns 10/10"). */
    static String feedback(TaskSet set, GradeRecord record) {
        if (record == null) {
            return String.format(Locale.ROOT, "No submission: 0/%d.", set.maxRequiredPoints());
        }
        String total = String.format(Locale.ROOT, "%d/%d points%s", record.score(), record.maxScore(),
                record.bonus() > 0 ? " (" + record.bonus() + " bonus)" : "");
        String perTask = record.tasks().stream()
                .map(t -> t.id() + " " + t.points() + "/" + t.max() + (t.bonus() ? " bonus" : ""))
                .collect(Collectors.joining(", "));
        String status = switch (record.status()) {
            case GRADED -> "";
            case TIMED_OUT -> "Timed out, graded as far as it ran. ";
            case NOT_GRADED -> "Could not be graded: " + String.valueOf(record.problem()).replaceFirst("\\.$", "") + ". ";
        };
        return status + total + ": " + perTask + ".";
    }
}
