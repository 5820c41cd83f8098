package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import workbook.Slow;
import workbook.WorkbookHome;
import workbook.cli.CommandJvm;
import workbook.ExitCode;
import workbook.db.TestSettings;

/**
 * `grade` given bad input, run as an instructor runs it (a JVM of its own, the Grade entry script): one
 * line and exit 2, before any server starts, so none of these needs a database.
 */
@Slow
class GradeCommandTest {
    static Path home;
    static Path submissions;

    @BeforeAll
    static void aCheckoutWithAClass() throws IOException {
        home = TestSettings.checkout("grade-cli");
        Files.createSymbolicLink(home.resolve("exercises"), WorkbookHome.locate().exercisesDir());
        submissions = Files.createDirectories(home.resolve("submissions"));
        Files.writeString(Files.createDirectories(submissions.resolve("alice")).resolve("01-add-columns.sql"), "SELECT 1;");
    }

    static CommandJvm.Run grade(String... args) throws Exception {
        // a server on a port nobody listens on: a command that reached for one would fail (exit 3), not grade
        Map<String, String> env = Map.of("WORKBOOK_HOME", home.toString(), "WORKBOOK_DB_URL", "jdbc:postgresql://localhost:1/crm_db");
        return CommandJvm.await(CommandJvm.start("Grade", env, args));
    }

    static void assertRefused(CommandJvm.Run run, String line) {
        assertThat(run.err()).isEqualTo("error: " + line + System.lineSeparator());
        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(home.resolve("grades")).as("nothing graded").doesNotExist();
    }

    @Test
    void jobsAndTimeoutOutsideTheirRangeSayTheRange() throws Exception {
        String dir = submissions.toString();
        assertRefused(grade("lesson3", "--submissions", dir, "--jobs", "1000000000"),
                "--jobs 1000000000 is out of range: 1 to 32 submissions at once.");
        assertRefused(grade("lesson3", "--submissions", dir, "--jobs", "0"), "--jobs 0 is out of range: 1 to 32 submissions at once.");
        assertRefused(grade("lesson3", "--submissions", dir, "--jobs", "33"), "--jobs 33 is out of range: 1 to 32 submissions at once.");
        assertRefused(grade("lesson3", "--submissions", dir, "--timeout", "2147483647"),
                "--timeout 2147483647 is out of range: 1 to 3600 seconds per submission.");
        assertRefused(grade("lesson3", "--submissions", dir, "--timeout", "0"), "--timeout 0 is out of range: 1 to 3600 seconds per submission.");
        assertRefused(grade("lesson3", "--benchmark", "3", "--naive-sample", "-1"),
                "--naive-sample -1 is out of range: 0 or more (0 skips the naive way).");
    }

    @Test
    void theHelpSaysTheRanges() throws Exception {
        CommandJvm.Run help = grade("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out().replaceAll("\\s+", " ")).contains("1 to 32 (default: the number of cores, at most 32)",
                "1 to 3600 seconds (default: 30)", "0 or more (default: 5)");
    }

    @Test
    void aRosterWithoutItsSubmissionColumnOrGradebookOptionsWithoutARosterAreRefusedBeforeGrading() throws Exception {
        Path roster = Files.writeString(home.resolve("roster.csv"), "name,email\r\nAlice,alice@example.edu\r\n");
        String dir = submissions.toString();
        assertRefused(grade("lesson3", "--submissions", dir, "--roster", roster.toString()),
                "The roster " + roster + " has no `submission` column (its header: name, email); add one holding each student's folder "
                        + "or zip name in the submissions folder, without .zip.");
        assertRefused(grade("lesson3", "--submissions", dir, "--assignment", "Lesson 3"),
                "--assignment names a gradebook column; add --roster FILE.csv, which says whose grade each submission is.");
    }

    @Test
    void outNamingAFileOrAPlaceInsideAStudentsSubmissionIsRefused() throws Exception {
        Path file = Files.writeString(home.resolve("grades.csv"), "student\r\n");
        String dir = submissions.toString();
        assertRefused(grade("lesson3", "--submissions", dir, "--out", file.toString()),
                "--out " + file + " is a file; it names the folder the reports go to.");
        assertRefused(grade("lesson3", "--submissions", dir, "--out", file.resolve("grades").toString()),
                "--out " + file.resolve("grades") + " cannot be made: " + file + " is a file.");
        assertRefused(grade("lesson3", "--submissions", dir, "--out", dir),
                "--out " + dir + " is the submissions folder; the reports need their own.");
        Path insideAlice = submissions.resolve("alice/grades");
        assertRefused(grade("lesson3", "--submissions", dir, "--out", insideAlice.toString()),
                "--out " + insideAlice + " is in the submission alice; put the reports elsewhere.");
        assertThat(insideAlice).doesNotExist();
    }
}
