package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.ExitCode;
import workbook.UserError;

class SubmissionsFolderTest {
    @TempDir
    Path dir;
    Path submissions;

    @BeforeEach
    void aClassGradedOnceIntoAFolderAmongTheSubmissions() throws IOException {
        submissions = Files.createDirectories(dir.resolve("submissions"));
        Files.writeString(Files.createDirectories(submissions.resolve("alice")).resolve("01-add-columns.sql"), "SELECT 1;");
        Files.writeString(Files.createDirectories(submissions.resolve("grades/alice")).resolve("result.json"), "{}");
        Files.writeString(submissions.resolve("grades/grades.csv"), "student\r\n");
    }

    @Test
    void theReportsFolderAmongTheSubmissionsIsListedNotGraded() {
        SubmissionsFolder folder = SubmissionsFolder.scan(submissions, submissions.resolve("grades"));
        assertThat(folder.entries()).extracting(SubmissionsFolder.Entry::student).containsExactly("alice");
        assertThat(folder.ignored()).containsExactly("grades (the reports folder, --out)");
    }

    @Test
    void theReportsFolderIsRecognisedThroughALinkOrARelativePath() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("class"), submissions);
        SubmissionsFolder folder = SubmissionsFolder.scan(link, submissions.resolve("../submissions/grades"));
        assertThat(folder.entries()).extracting(SubmissionsFolder.Entry::student).containsExactly("alice");
        assertThat(folder.ignored()).containsExactly("grades (the reports folder, --out)");
    }

    @Test
    void reportsInTheSubmissionsFolderItselfOrInsideAStudentsEntryAreRefused() {
        assertThatThrownBy(() -> SubmissionsFolder.scan(submissions, submissions.resolve("alice/../")))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
                .hasMessage("--out " + submissions.resolve("alice/../") + " is the submissions folder; the reports need their own.");
        Path insideAlice = submissions.resolve("alice/grades");
        assertThatThrownBy(() -> SubmissionsFolder.scan(submissions, insideAlice))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
                .hasMessage("--out " + insideAlice + " is in the submission alice; put the reports elsewhere.");
    }

    @Test
    void reportsBesideOrInsideAHiddenEntryLeaveTheClassAsItIs() {
        for (Path out : new Path[] {dir.resolve("grades"), submissions.resolve(".reports/grades")}) {
            SubmissionsFolder folder = SubmissionsFolder.scan(submissions, out);
            assertThat(folder.entries()).as(out.toString()).extracting(SubmissionsFolder.Entry::student).containsExactly("alice", "grades");
            assertThat(folder.ignored()).isEmpty();
        }
    }
}
