package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.Slow;
import workbook.TestDatabase;
import workbook.cli.CommandJvm;
import workbook.db.ConnectionInfo;

/**
 * A small class graded with a roster by the {@code grade} command itself (its own JVM, on a real PostgreSQL), end
 * to end: the gradebooks hold what grading found, and the summary names who is missing.
 */
@Slow
class RosterGradingTest {
    @TempDir
    static Path work;
    static Path out;
    static CommandJvm.Run run;

    @BeforeAll
    static void gradeAClassWithARoster() throws Exception {
        Path submissions = Files.createDirectories(work.resolve("submissions"));
        out = work.resolve("grades");
        Map<String, String> solved = ClassGradingTest.solutions();
        ClassGradingTest.write(submissions.resolve("alice"), solved);
        Map<String, String> bob = new LinkedHashMap<>(solved);
        bob.put("03-update-alice.sql", "UPDATE users SET first_name = 'Alicia', updated_at = NOW();\n");
        ClassGradingTest.zip(submissions.resolve("bob.zip"), "", bob);
        ClassGradingTest.write(submissions.resolve("zed"), Map.of("01-add-columns.sql", solved.get("01-add-columns.sql")));
        Path roster = Files.writeString(work.resolve("roster.csv"), "\uFEFFsubmission,name,email,sis_user_id,section\r\n"
                + "alice,\"Liddell, Alice\",alice@example.edu,S1,A\r\n"
                + "bob.zip,Bob,bob@example.edu,S2,A\r\n"
                + "dana,Dana,dana@example.edu,S4,B\r\n", StandardCharsets.UTF_8);

        ConnectionInfo admin = TestDatabase.freshDatabase("grading_roster");
        String url = "jdbc:postgresql://" + admin.host() + ":" + admin.port() + "/" + admin.database()
                + "?user=" + admin.user() + "&password=" + admin.password();
        run = CommandJvm.await(CommandJvm.start("Grade", Map.of("WORKBOOK_HOME", ClassGradingTest.HOME.root().toString(), "COLUMNS", "200"),
                "lesson3", "--submissions", submissions.toString(), "--out", out.toString(), "--url", url, "--jobs", "2",
                "--roster", roster.toString()));
        assertThat(run.exit()).as(run.err()).isZero();
    }

    @Test
    void canvasGetsEveryRosterStudentWithTheirGradedPoints() throws Exception {
        List<List<String>> rows = GradebooksTest.read(out.resolve("canvas.csv"));
        assertThat(rows).containsExactly(
                List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Level up your schema and operations"),
                List.of("Points Possible", "", "", "", "", "21"),
                List.of("Liddell, Alice", "", "S1", "", "A", "23"),
                List.of("Bob", "", "S2", "", "A", "21"),
                List.of("Dana", "", "S4", "", "B", "0"));
    }

    @Test
    void moodleGetsTheSamePointsByEmailWithFeedback() throws Exception {
        List<List<String>> rows = GradebooksTest.read(out.resolve("moodle.csv"));
        assertThat(rows.get(0)).containsExactly("Email address", "Name", "Level up your schema and operations", "Feedback");
        assertThat(rows.get(2)).containsExactly("bob@example.edu", "Bob", "21", "21/21 points (2 bonus): 01-add-columns 10/10, 02-insert-bob 4/4, "
                + "03-update-alice 2/4, 04-delete-bob 3/3, 05-email-index 2/2 bonus.");
        assertThat(rows.get(3)).containsExactly("dana@example.edu", "Dana", "0", "No submission: 0/21.");
    }

    @Test
    void theSummaryAndTheReportNameTheStudentWithoutASubmissionAndTheSubmissionWithoutAStudent() throws Exception {
        assertThat(run.out()).contains(
                "Roster roster.csv: 3 students, 2 with a submission; gradebooks for \"Level up your schema and operations\" in canvas.csv and moodle.csv.",
                "Students without a submission (0 points in canvas.csv and moodle.csv):\n  Dana (line 4): no dana or dana.zip in the submissions folder",
                "Submissions not on the roster (graded, in grades.csv, in neither gradebook):\n  zed",
                "every finding in " + out.resolve("roster-report.txt"));
        assertThat(Files.readString(out.resolve("roster-report.txt"))).contains("  Dana (line 4)", "  zed");
        assertThat(ClassGradingTest.csv(out.resolve("grades.csv"))).as("zed is graded all the same").containsKey("zed");
    }
}
