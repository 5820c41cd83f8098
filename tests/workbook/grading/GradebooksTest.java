package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.checker.TaskSetReader;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;
import workbook.WorkbookHome;

/**
 * canvas.csv and moodle.csv with the headers their import documents name (see CanvasCsv and MoodleCsv), read
 * back by a CSV library: every roster student in, at 0 without a submission, no one off the roster.
 */
class GradebooksTest {
    static final TaskSet LESSON3 = TaskSetReader.forLesson(WorkbookHome.locate(), "lesson3");
    static final String ASSIGNMENT = "Lesson 3, schema (123)";

    @TempDir
    Path out;
    Roster roster;
    List<GradeRecord> records;

    @BeforeEach
    void aClassWithARoster() throws IOException {
        roster = Roster.read(Files.writeString(out.resolve("roster.csv"),
                "submission,name,email,id,sis_user_id,sis_login_id,section\n"
                        + "alice,\"Liddell, Alice\",alice@example.edu,101,S1,aliddell,A\n"
                        + "dana,Dana,Dana@Example.edu,104,S4,dana,B\n"
                        + "carol,=HYPERLINK(\"http://evil\"),,103,S3,carol,A\n", StandardCharsets.UTF_8));
        records = List.of(record("alice", 10, 4, 4, 3, 2), record("carol", 10, 4, 2, 3, 0), record("zed", 10, 0, 0, 0, 0),
                record("DANA", 10, 0, 0, 0, 0));
    }

    @Test
    void canvasCsvHasCanvassColumnsAndThePointsPossibleRowSecond() throws IOException {
        new Gradebooks(LESSON3, roster, ASSIGNMENT, false).write(out, records);

        List<List<String>> rows = read(out.resolve("canvas.csv"));
        assertThat(rows.get(0)).containsExactly("Student", "ID", "SIS User ID", "SIS Login ID", "Section", ASSIGNMENT);
        assertThat(rows.get(1)).containsExactly("Points Possible", "", "", "", "", "21");
        assertThat(rows.subList(2, rows.size())).as("roster order; the bonus counts; dana handed nothing in; zed is on no roster")
                .containsExactly(List.of("Liddell, Alice", "101", "S1", "aliddell", "A", "23"),
                        List.of("Dana", "104", "S4", "dana", "B", "0"),
                        List.of("'=HYPERLINK(\"http://evil\")", "103", "S3", "carol", "A", "19"));
    }

    @Test
    void moodleCsvIsMatchedByEmailWithAGradeAndAFeedbackColumn() throws IOException {
        new Gradebooks(LESSON3, roster, ASSIGNMENT, false).write(out, records);

        List<List<String>> rows = read(out.resolve("moodle.csv"));
        assertThat(rows.get(0)).containsExactly("Email address", "Name", ASSIGNMENT, "Feedback");
        assertThat(rows.subList(1, rows.size())).as("carol has no email: Moodle could not match her")
                .containsExactly(List.of("alice@example.edu", "Liddell, Alice", "23", "23/21 points (2 bonus): 01-add-columns 10/10, "
                                + "02-insert-bob 4/4, 03-update-alice 4/4, 04-delete-bob 3/3, 05-email-index 2/2 bonus."),
                        List.of("Dana@Example.edu", "Dana", "0", "No submission: 0/21."));
    }

    @Test
    void taskColumnsFollowWithEachTasksPoints() throws IOException {
        new Gradebooks(LESSON3, roster, "L3 (123)", true).write(out, records);

        List<List<String>> canvas = read(out.resolve("canvas.csv"));
        assertThat(canvas.get(0)).as("a task is no Canvas assignment 123").containsExactly("Student", "ID", "SIS User ID", "SIS Login ID", "Section", "L3 (123)", "L3: 01-add-columns",
                "L3: 02-insert-bob", "L3: 03-update-alice", "L3: 04-delete-bob", "L3: 05-email-index (bonus)");
        assertThat(canvas.get(1)).containsExactly("Points Possible", "", "", "", "", "21", "10", "4", "4", "3", "2");
        assertThat(canvas.get(4)).endsWith("19", "10", "4", "2", "3", "0");
        List<List<String>> moodle = read(out.resolve("moodle.csv"));
        assertThat(moodle.get(0)).containsExactly("Email address", "Name", "L3 (123)", "Feedback", "L3: 01-add-columns", "L3: 02-insert-bob",
                "L3: 03-update-alice", "L3: 04-delete-bob", "L3: 05-email-index (bonus)");
        assertThat(moodle.get(2)).containsExactly("Dana@Example.edu", "Dana", "0", "No submission: 0/21.", "0", "0", "0", "0", "0");
    }

    @Test
    void theReportListsWhoTheGradebooksTreatApart() throws IOException {
        Gradebooks books = new Gradebooks(LESSON3, roster, ASSIGNMENT, false);
        books.write(out, records);

        assertThat(Files.readAllLines(out.resolve("roster-report.txt"))).containsExactly(
                "Roster roster.csv: 3 students, 2 with a submission; gradebooks for \"" + ASSIGNMENT + "\" in canvas.csv and moodle.csv.",
                "",
                "Students without a submission (0 points in canvas.csv and moodle.csv):",
                "  Dana (line 3): no dana or dana.zip in the submissions folder (DANA differs only in case)",
                "",
                "Submissions not on the roster (graded, in grades.csv, in neither gradebook):",
                "  zed",
                "  DANA",
                "",
                "Students without an email (not in moodle.csv, which matches students by email):",
                "  =HYPERLINK(\"http://evil\") (line 4)");
    }

    @Test
    void aRosterOfSubmissionNamesAloneSaysWhoNeitherGradebookCanFind() throws IOException {
        Roster bare = Roster.read(Files.writeString(out.resolve("names.csv"), "submission\nalice\n", StandardCharsets.UTF_8));

        assertThat(new Gradebooks(LESSON3, bare, ASSIGNMENT, false).findings(records)).containsExactly(
                new Gradebooks.Finding("Submissions not on the roster (graded, in grades.csv, in neither gradebook):", List.of("carol", "zed", "DANA")),
                new Gradebooks.Finding("Students without an email (not in moodle.csv, which matches students by email):",
                        List.of("every student: the roster has no email column")),
                new Gradebooks.Finding("Students Canvas cannot find (no name, id, sis_user_id or sis_login_id on their line):",
                        List.of("alice (line 2)")));
    }

    @Test
    void aRunWithoutARosterRemovesTheGradebooksAnEarlierRunLeft() throws IOException {
        Gradebooks.render(new Gradebooks(LESSON3, roster, ASSIGNMENT, false), out, records);
        assertThat(out.resolve("canvas.csv")).exists();

        Gradebooks.render(null, out, records);

        assertThat(out.resolve("canvas.csv")).as("its points would no longer match grades.csv").doesNotExist();
        assertThat(out.resolve("moodle.csv")).doesNotExist();
        assertThat(out.resolve("roster-report.txt")).doesNotExist();
        assertThat(out.resolve("roster.csv")).as("the instructor's own file stays").exists();
    }

    /** A graded record with these points for lesson3's five tasks, in order. */
    static GradeRecord record(String student, int... points) {
        List<GradeRecord.TaskGrade> tasks = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            Task task = LESSON3.tasks().get(i);
            boolean passed = points[i] == task.points();
            tasks.add(new GradeRecord.TaskGrade(task.id(), task.title(), task.bonus(), passed ? "passed" : "failed", task.file(),
                    List.of(new GradeRecord.CheckGrade("all", points[i], task.points(), passed, null, null, List.of(), null)), List.of(), List.of()));
        }
        return new GradeRecord(GradeRecord.FORMAT_VERSION, student, student, "lesson3", null, null, GradeRecord.Status.GRADED, null,
                "2026-01-01T00:00:00Z", 0, List.of(), List.of(), tasks);
    }

    /** The file as rows of fields, read by Jackson's CSV parser (RFC 4180), not by the code that wrote it. */
    static List<List<String>> read(Path file) throws IOException {
        CsvMapper csv = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
        try (MappingIterator<List<String>> rows = csv.readerForListOf(String.class).readValues(file.toFile())) {
            return rows.readAll();
        }
    }
}
