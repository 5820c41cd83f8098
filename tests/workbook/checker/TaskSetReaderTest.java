package workbook.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.UserError;
import workbook.WorkbookHome;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;
import workbook.checker.task.Visibility;


class TaskSetReaderTest {
    private static final String HEAD = "format_version = 1\nlesson = \"x\"\nsetup = \"setup.sql\"\n";

    private static Path write(Path dir, String toml) throws Exception {
        Files.writeString(dir.resolve("setup.sql"), "SELECT 1;");
        return Files.writeString(dir.resolve("tasks.toml"), toml);
    }

    @Test
    void lesson3ReadsIntoTasksWithTheirChecksAndPoints() {
        TaskSet set = TaskSetReader.forLesson(WorkbookHome.locate(), "lesson3");
        assertThat(set.tasks()).hasSize(5);
        assertThat(set.task(1).orElseThrow().points()).isEqualTo(10);
        assertThat(set.find("05-email-index").orElseThrow().bonus()).isTrue();
        assertThat(set.errorNotes()).anySatisfy(n -> assertThat(n.matches("23502", "column \"x\" of relation \"users\" contains null values")).isTrue());
    }

    @Test
    void notesMatchTheTokenAtTheErrorAndTheCommandTag() {
        TaskSet set = TaskSetReader.forLesson(WorkbookHome.locate(), "lesson3");
        String message = "column \"Alicia\" does not exist";
        assertThat(set.errorNotes()).filteredOn(n -> n.matches("42703", message, "\"Alicia\"")).singleElement()
                .satisfies(n -> assertThat(n.note()).contains("single quotes"));
        assertThat(set.errorNotes()).as("an unquoted misspelt column is another mistake").noneMatch(n -> n.matches("42703", message, "alicia"));
        assertThat(set.errorNotes()).filteredOn(n -> n.matches("42601", "syntax error at or near \"add\"", "add")).singleElement()
                .satisfies(n -> assertThat(n.note()).contains("comma is missing"));
        assertThat(set.outcomeNotes()).anyMatch(n -> n.matches("UPDATE 0")).anyMatch(n -> n.matches("DELETE 0"))
                .noneMatch(n -> n.matches("UPDATE 10")).noneMatch(n -> n.matches("INSERT 0 0"));
        assertThat(set.find("04-delete-bob").orElseThrow().outcomeNotes()).anyMatch(n -> n.matches("UPDATE 1")).noneMatch(n -> n.matches("DELETE 1"));
    }

    @Test
    void aNoteWhosePatternDoesNotCompileIsRefusedWhenRead(@TempDir Path dir) throws Exception {
        Path token = write(dir, HEAD + "[[error_notes]]\nsqlstate = \"42601\"\ntoken = \"(ADD\"\nnote = \"n\"\n");
        assertThatThrownBy(() -> TaskSetReader.read(token)).isInstanceOf(UserError.class).hasMessageContaining("error note token `(ADD`");
        Path tag = write(dir, HEAD + "[[outcome_notes]]\ncommand_tag = \"UPDATE [0\"\nnote = \"n\"\n");
        assertThatThrownBy(() -> TaskSetReader.read(tag)).isInstanceOf(UserError.class).hasMessageContaining("command_tag `UPDATE [0`");
    }

    @Test
    void aNewerFormatVersionIsRefusedWithItsNumber(@TempDir Path dir) throws Exception {
        Path file = write(dir, HEAD.replace("format_version = 1", "format_version = 2"));
        assertThatThrownBy(() -> TaskSetReader.read(file)).isInstanceOf(UserError.class).hasMessageContaining("format_version 2");
    }

    @Test
    void typosInKindsAndFieldsAreNamed(@TempDir Path dir) throws Exception {
        Path unknownKind = write(dir, HEAD + "[[tasks]]\nid = \"a\"\n[[tasks.checks]]\nkind = \"ColumnIsType\"\nname = \"n\"\n");
        assertThatThrownBy(() -> TaskSetReader.read(unknownKind)).hasMessageContaining("unknown check kind `ColumnIsType`");
        Path missing = write(dir, HEAD + "[[tasks]]\nid = \"a\"\n[[tasks.checks]]\nkind = \"ColumnHasType\"\nname = \"n\"\ncolumn = \"c\"\n");
        assertThatThrownBy(() -> TaskSetReader.read(missing)).hasMessageContaining("(ColumnHasType) needs type");
        Path unknownField = write(dir, HEAD + "[[tasks]]\nid = \"a\"\npoint = 3\n");
        assertThatThrownBy(() -> TaskSetReader.read(unknownField)).isInstanceOf(UserError.class).hasMessageContaining("point");
    }

    @Test
    void aVisibilityOtherThanGradescopesIsRefusedInOneLineNamingFileTaskAndValue(@TempDir Path dir) throws Exception {
        String check = "[[tasks.checks]]\nkind = \"RowExists\"\nname = \"Bob exists\"\nwhere = \"true\"\npoints = 1\n";
        Path ofCheck = write(dir, HEAD + "[[tasks]]\nid = \"a\"\n" + check + "visibility = \"secret\"\n");
        assertThatThrownBy(() -> TaskSetReader.read(ofCheck)).isInstanceOf(UserError.class)
                .hasMessage(ofCheck + ": task a, check `Bob exists`: visibility `secret` is not one of hidden, after_due_date, after_published, visible.");
        Path ofTask = write(dir, HEAD + "[[tasks]]\nid = \"b\"\nvisibility = \"after-due-date\"\n" + check);
        assertThatThrownBy(() -> TaskSetReader.read(ofTask)).isInstanceOf(UserError.class)
                .hasMessage(ofTask + ": task b: visibility `after-due-date` is not one of hidden, after_due_date, after_published, visible.");
    }

    @Test
    void aCheckHasItsOwnVisibilityElseItsTasksElseVisible(@TempDir Path dir) throws Exception {
        String check = "[[tasks.checks]]\nkind = \"RowExists\"\nname = \"c\"\nwhere = \"true\"\n";
        TaskSet set = TaskSetReader.read(write(dir, HEAD
                + "[[tasks]]\nid = \"a\"\nvisibility = \"after_due_date\"\n" + check + check + "visibility = \"visible\"\n"
                + "[[tasks]]\nid = \"b\"\n" + check + check + "visibility = \"hidden\"\n" + check + "visibility = \"after_published\"\n"));
        Task a = set.tasks().get(0);
        Task b = set.tasks().get(1);
        assertThat(a.checks()).extracting(a::visibilityOf).containsExactly(Visibility.AFTER_DUE_DATE, Visibility.VISIBLE);
        assertThat(b.checks()).extracting(b::visibilityOf).containsExactly(Visibility.VISIBLE, Visibility.HIDDEN, Visibility.AFTER_PUBLISHED);
    }

    @Test
    void anUnknownLessonIsBadInputNamingTheKnownOnes() {
        assertThatThrownBy(() -> TaskSetReader.forLesson(WorkbookHome.locate(), "lesson9"))
                .isInstanceOf(UserError.class).hasMessageContaining("Known: lesson3");
    }

    @Test
    void aTaskFileSavedWithWindowsLineEndsReadsAsTheSameTasks(@TempDir Path dir) throws Exception {
        // Git for Windows checks text out with CRLF by default: statements, hints and check parameters must not
        // carry the carriage returns into what a student reads or what a check compares
        Path folder = WorkbookHome.locate().exercisesDir().resolve("lesson3");
        String toml = Files.readString(folder.resolve("tasks.toml"));
        assertThat(toml).doesNotContain("\r").contains("\"\"\"");
        try (var files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.writeString(dir.resolve(file.getFileName().toString()), Files.readString(file).replace("\n", "\r\n"));
            }
        }
        Path crlf = dir.resolve("tasks.toml");

        TaskSet fromCrlf = TaskSetReader.read(crlf).inFolder(folder);

        assertThat(fromCrlf).usingRecursiveComparison().isEqualTo(TaskSetReader.read(folder.resolve("tasks.toml")));
        assertThat(fromCrlf.tasks()).allSatisfy(task -> assertThat(task.toString()).doesNotContain("\r"));
    }
}
