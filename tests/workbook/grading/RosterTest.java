package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import workbook.ExitCode;
import workbook.UserError;

/** The roster as spreadsheets write it, and each way a roster goes wrong told in one line (exit 2). */
class RosterTest {
    @TempDir
    Path dir;

    @Test
    void aSpreadsheetsCsvIsReadWithItsBomCrlfQuotedCommasAndBlankRows() throws IOException {
        Path file = write("\uFEFFSubmission,Name,Email,SIS User ID,sis_login_id,Section,ID\r\n"
                + "alice,\"Liddell, Alice\",alice@example.edu,S1,aliddell,\"A, morning\",101\r\n"
                + "\r\n"
                + ",,,,,,\r\n"
                + "bob.zip,\"Bob \"\"Bobby\"\" Tables\",bob@example.edu,S2,btables,B,102\r\n"
                + "\"carol\",\"Carol\nLine\",,S3,,B\r\n"
                + ",Dana,dana@example.edu,S4,,A,104\r\n");

        Roster roster = Roster.read(file);

        assertThat(roster.columns()).containsExactly("submission", "name", "email", "sis_user_id", "sis_login_id", "section", "id");
        assertThat(roster.students()).containsExactly(
                new Roster.Student(2, "alice", "101", "Liddell, Alice", "alice@example.edu", "S1", "aliddell", "A, morning"),
                new Roster.Student(5, "bob", "102", "Bob \"Bobby\" Tables", "bob@example.edu", "S2", "btables", "B"),
                new Roster.Student(6, "carol", "", "Carol\nLine", "", "S3", "", "B"),
                new Roster.Student(8, "", "104", "Dana", "dana@example.edu", "S4", "", "A"));
    }

    @Test
    void semicolonsSeparateTheFieldsWhenTheHeaderHasNoComma() throws IOException {
        Roster roster = Roster.read(write("submission;name;email\r\nalice;\"Liddell; Alice\";a@x.edu\r\nbob;Bob, Jr;b@x.edu\r\n"));

        assertThat(roster.students()).extracting(Roster.Student::name).containsExactly("Liddell; Alice", "Bob, Jr");
    }

    @Test
    void onlyTheSubmissionColumnIsNeeded() throws IOException {
        Roster roster = Roster.read(write("submission\nalice\n"));

        assertThat(roster.students()).containsExactly(new Roster.Student(2, "alice", "", "", "", "", "", ""));
        assertThat(roster.has("email")).isFalse();
    }

    @Test
    void aRosterWithoutTheSubmissionColumnIsRefused() throws IOException {
        Path file = write("name,email\r\nAlice,alice@example.edu\r\n");
        refused(file).hasMessage("The roster " + file + " has no `submission` column (its header: name, email); add one holding each "
                + "student's folder or zip name in the submissions folder, without .zip.");
    }

    /** Rosters refused at a line, each with what the line says after the file's name. */
    static Stream<Arguments> refusedAtALine() {
        return Stream.of(
                Arguments.of("two students claiming one submission", "submission,name\nalice,Alice\nbob,Bob\nalice.zip,Alicia\n",
                        ":4: the submission `alice` is on line 2 too; each submission is one student's."),
                Arguments.of("a misspelt column, which would otherwise be ignored", "submission,e-mail\nalice,alice@example.edu\n",
                        ":1: unknown column `e-mail` (known: submission, id, name, email, sis_user_id, sis_login_id, section)."),
                Arguments.of("two students sharing an email, which Moodle finds students by", "submission,email\nalice,a@x.edu\nbob,a@x.edu\n",
                        ":3: the email `a@x.edu` is on line 2 too; each email is one student's."),
                Arguments.of("a column named twice", "submission,Email,email\nalice,a@x,b@x\n", ":1: the column `email` is named twice."),
                Arguments.of("an unquoted comma", "submission,name\nalice,Liddell, Alice\n",
                        ":2: 3 fields, but the header names 2 columns (a field holding a comma needs double quotes: \"Doe, Jane\")."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedAtALine")
    void aRosterThatCannotBeTrustedIsRefusedAtItsLine(String why, String roster, String message) throws IOException {
        Path file = write(roster);
        refused(file).hasMessage(file + message);
    }

    @Test
    void brokenCsvNamesItsLine() throws IOException {
        Path file = write("submission,name\nalice,Alice\nbob,\"Bob\n");
        refused(file).message().startsWith(file + ":").contains("not valid CSV").doesNotContain("\n");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedRatherThanMisreadingNames() throws IOException {
        Path file = dir.resolve("roster.csv");
        Files.write(file, "submission,name\nzoe,Zoë\n".getBytes(Charset.forName("windows-1252")));
        refused(file).hasMessage("The roster " + file + " is not UTF-8 text; save it as \"CSV UTF-8\" (Excel) or UTF-8 (LibreOffice, Numbers).");
    }

    @Test
    void aMissingOrEmptyFileIsRefused() throws IOException {
        Path missing = dir.resolve("nope.csv");
        refused(missing).hasMessage("No roster " + missing
                + " (--roster names a CSV file with a header row: submission, id, name, email, sis_user_id, sis_login_id, section).");
        refused(dir).hasMessage("--roster " + dir + " is a folder; it names a CSV file, e.g. roster.csv.");
        Path empty = write("\r\n");
        refused(empty).hasMessage("The roster " + empty + " is empty: its first row names the columns, submission and any of "
                + "id, name, email, sis_user_id, sis_login_id, section.");
    }

    private Path write(String text) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "roster", ".csv"), text, StandardCharsets.UTF_8);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(Path file) {
        return assertThatThrownBy(() -> Roster.read(file))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT));
    }
}
