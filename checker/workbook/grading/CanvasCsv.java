package workbook.grading;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;

/**
 * {@code canvas.csv}: the class's points as Canvas's gradebook import reads them. Followed: Canvas's gradebook
 * export, which its import takes back (the columns {@code Student}, {@code ID}, {@code SIS User ID},
 * {@code SIS Login ID}, {@code Section}, then one column per assignment; the second row, {@code Points Possible},
 * holds each assignment's points), as Ohio State's guide "Import a CSV file to Carmen grades"
 * (teaching.resources.osu.edu) describes it: a student is found by ID, SIS User ID or SIS Login ID, or by name; a
 * column whose name matches no assignment creates one; and nemogb's "Detailed Canvas Export Info"
 * (nemogb-dev.github.io): an exported assignment column reads {@code Quiz 1 (87568490)}, its Canvas ID in
 * parentheses, which is how {@code --assignment "Name (12345)"} reaches an existing assignment.
 * One row per roster student, in the roster's order (its name, id, sis_user_id, sis_login_id and section in the
 * first five columns), a student without a submission at 0 (a blank cell would leave them ungraded); submissions
 * not on the roster are left out. The score counts bonus points, so it may pass
 * Points Possible, as extra credit does in Canvas. With task columns, each task is a column of its own after it.
 */
public final class CanvasCsv {
    public static final String FILE = "canvas.csv";
    public static final List<String> IDENTITY = List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section");
    public static final String POINTS_POSSIBLE = "Points Possible";

    private CanvasCsv() {
    }

    public static void write(Path file, TaskSet set, List<GradeRecord> records, Roster roster, String assignment, boolean taskColumns)
            throws IOException {
        List<Task> tasks = taskColumns ? set.tasks() : List.of();
        List<String> header = new ArrayList<>(IDENTITY);
        header.add(assignment);
        tasks.forEach(task -> header.add(taskColumn(assignment, task)));

        List<String> points = new ArrayList<>(List.of(POINTS_POSSIBLE, "", "", "", ""));
        points.add(Integer.toString(set.maxRequiredPoints()));
        tasks.forEach(task -> points.add(Integer.toString(task.points())));

        List<String> lines = new ArrayList<>();
        lines.add(line(header.stream().map(GradesCsv::text).toList()));
        lines.add(line(points));
        for (RosterMatch.Graded graded : RosterMatch.of(roster, records).students()) {
            Roster.Student s = graded.student();
            // names and sections are shown, so a formula is made text; the IDs are how Canvas finds the student, kept as written
            List<String> row = new ArrayList<>(List.of(GradesCsv.text(s.name()), GradesCsv.field(s.id()), GradesCsv.field(s.sisUserId()),
                    GradesCsv.field(s.sisLoginId()), GradesCsv.text(s.section())));
            row.add(Integer.toString(graded.score()));
            tasks.forEach(task -> row.add(Integer.toString(graded.points(task.id()))));
            lines.add(line(row));
        }
        GradesCsv.writeLines(file, lines);
    }

    /**
     * A task's own column, named after the assignment so it sorts beside it: "Lesson 3: 01-add-columns". The
     * assignment's Canvas ID, "(12345)", is left out, since it names the assignment, not a task.
     */
    static String taskColumn(String assignment, Task task) {
        return assignment.replaceFirst("\\s*\\(\\d+\\)$", "") + ": " + task.id() + (task.bonus() ? " (bonus)" : "");
    }

    private static String line(List<String> fields) {
        return String.join(",", fields);
    }
}
