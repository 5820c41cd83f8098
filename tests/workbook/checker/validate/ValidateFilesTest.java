package workbook.checker.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.ExitCode;
import workbook.UserError;

/**
 * `validate --no-run`: what it finds in the files alone, each problem on its own line at its file:line,
 * on copies of the shipped content broken on purpose; and every shipped lesson found sound (CI runs this).
 */
class ValidateFilesTest {
    private static final String TASKS = "exercises/lesson3/tasks.toml";

    @Test
    void everyShippedLessonAndExerciseSetIsSound() {
        LessonCopy.Result result = LessonCopy.run("--all", "--no-run");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.problems()).isEmpty();
        assertThat(result.output().lines()).as(result.output()).hasSize(1);
        assertThat(result.output()).contains("Sound: lessons/lesson3.md", "lessons/lesson3-acid.md", "exercises/lesson3/", "exercises/lesson3-updated-at/");
    }

    @Test
    void anUnknownCheckKindIsNamedAtItsLine(@TempDir Path dir) {
        LessonCopy copy = new LessonCopy(dir).edit(TASKS, "kind = \"ColumnNotNull\"", "kind = \"ColumnIsNotNull\"");
        assertTheOneProblemIs(copy, "ColumnIsNotNull",
                "task 01-add-columns uses an unknown check kind `ColumnIsNotNull` (known: " + workbook.checker.kinds.CheckKinds.names() + ").");
    }

    /** validate --no-run of the copy's lesson3 tasks fails with one problem, {@code message}, at the line holding {@code at}. */
    private static void assertTheOneProblemIs(LessonCopy copy, String at, String message) {
        LessonCopy.Result result = copy.validate("exercises/lesson3", "--no-run");
        assertThat(result.exitCode()).isEqualTo(ExitCode.CHECKS_FAILED);
        assertThat(result.problems()).containsExactly(TASKS + ":" + copy.lineOf(TASKS, at) + ": " + message);
    }

    @Test
    void everyUnknownFieldIsNamedAtItsLineWithTheKnownOnes(@TempDir Path dir) {
        LessonCopy copy = new LessonCopy(dir)
                .edit(TASKS, "  length = 100\n", "  lenght = 100\n")
                .edit(TASKS, "id = \"03-update-alice\"\n", "id = \"03-update-alice\"\npoint = 3\n")
                .edit(TASKS, "label_column = \"email\"", "label_colum = \"email\"");
        LessonCopy.Result result = copy.validate("exercises/lesson3", "--no-run");
        assertThat(result.exitCode()).isEqualTo(ExitCode.CHECKS_FAILED);
        assertThat(result.problems()).contains(
                TASKS + ":" + copy.lineOf(TASKS, "label_colum =") + ": unknown field `label_colum` (known here: error_notes, format_version, key, label_column, lesson, outcome_notes, setup, table, tasks, title)",
                TASKS + ":" + copy.lineOf(TASKS, "point = 3") + ": unknown field `point` (known here: bonus, checks, hints, id, outcome_notes, statement, title, visibility)");
        assertThat(result.problems()).anySatisfy(p -> assertThat(p).startsWith(TASKS + ":" + copy.lineOf(TASKS, "lenght = 100")
                + ": unknown field `lenght` (known here: column, columns, count, default, hint, kind, label, leading, length, "));
    }

    @Test
    void aValueOfTheWrongTypeAndTomlThatDoesNotParseAreNamedAtTheirLines(@TempDir Path dir) {
        LessonCopy wrongType = new LessonCopy(dir.resolve("a")).edit(TASKS, "  points = 1\n", "  points = \"three\"\n");
        assertThat(wrongType.validate("exercises/lesson3", "--no-run").problems()).containsExactly(TASKS + ":"
                + wrongType.lineOf(TASKS, "points = \"three\"") + ": Cannot deserialize value of type `int` from String \"three\": not a valid `int` value");
        LessonCopy unparsed = new LessonCopy(dir.resolve("b")).edit(TASKS, "title = \"Insert Bob\"", "title = \"Insert Bob");
        assertThat(unparsed.validate("exercises/lesson3", "--no-run").problems()).singleElement().asString()
                .startsWith(TASKS + ":" + unparsed.lineOf(TASKS, "title = \"Insert Bob") + ": not valid TOML: ");
    }

    @Test
    void aVisibilityGradescopeDoesNotKnowIsNamedAtItsLine(@TempDir Path dir) {
        LessonCopy copy = new LessonCopy(dir).edit(TASKS, "visibility = \"hidden\"", "visibility = \"secret\"");
        assertTheOneProblemIs(copy, "visibility = \"secret\"",
                "task 03-update-alice, check `no other row changed`: visibility `secret` is not one of hidden, after_due_date, after_published, visible.");
    }

    @Test
    void aTaskWithoutHintsIsNamedAtItsTable(@TempDir Path dir) {
        LessonCopy copy = new LessonCopy(dir).edit(TASKS, "hints = [\n  \"Which columns must your INSERT fill", "hinted = [\n  \"Which columns must your INSERT fill");
        LessonCopy.Result result = copy.validate("exercises/lesson3", "--no-run");
        int task2 = copy.lineOf(TASKS, "[[tasks]]", 2);
        assertThat(result.problems()).contains(
                TASKS + ":" + task2 + ": task 02-insert-bob has no hints: add hints = [\"a question\", \"the approach\", \"the code\"]");
    }

    @Test
    void aDuplicateStepIdIsNamedAtTheSecondCell(@TempDir Path dir) {
        String lab = "lessons/lesson3-updated-at.md";
        LessonCopy copy = new LessonCopy(dir).edit(lab, "id=update-moves-it", "id=forgetful-update");
        LessonCopy.Result result = copy.validate(lab, "--no-run");
        assertThat(result.exitCode()).isEqualTo(ExitCode.CHECKS_FAILED);
        assertThat(result.problems()).containsExactly(lab + ":" + copy.lineOf(lab, "id=forgetful-update", 2)
                + ": the id `forgetful-update` is used by an earlier cell; ids must be unique");
    }

    @Test
    void aCatalogAliasWhoseLessonIsMissingIsNamedAtTheAlias(@TempDir Path dir) {
        LessonCopy copy = new LessonCopy(dir).edit("jbang-catalog.json", "\"arguments\": [\"lesson3-ids\"]", "\"arguments\": [\"lesson3-uuids\"]");
        LessonCopy.Result result = copy.validate("lessons/lesson3.md", "--no-run");
        assertThat(result.problems()).containsExactly(
                "jbang-catalog.json:" + copy.lineOf("jbang-catalog.json", "\"lesson3-ids\": {")
                        + ": alias `lesson3-ids` opens the lesson lesson3-uuids, but lessons/lesson3-uuids.md does not exist",
                "lessons/lesson3-ids.md:1: no alias in jbang-catalog.json opens this lesson: add one with \"script-ref\": \"lessons/Lesson.java\", \"arguments\": [\"lesson3-ids\"]");
    }

    @Test
    void anyAliasWithAScriptIsAcceptedAndOneWithoutIsNamed(@TempDir Path dir) {
        LessonCopy copy = new LessonCopy(dir).edit("jbang-catalog.json", "\"repl\": {",
                "\"my-tool\": {\n      \"script-ref\": \"checker/Check.java\",\n      \"description\": \"d\"\n    },\n"
                        + "    \"my-missing\": {\n      \"script-ref\": \"checker/Missing.java\",\n      \"description\": \"d\"\n    },\n    \"repl\": {");
        LessonCopy.Result result = copy.validate("lessons/lesson3.md", "--no-run");
        assertThat(result.problems()).containsExactly("jbang-catalog.json:" + copy.lineOf("jbang-catalog.json", "\"my-missing\": {")
                + ": alias `my-missing` runs checker/Missing.java, which does not exist");
    }

    @Test
    void noSuchLessonIsBadInputInOneLine() {
        assertThat(LessonCopy.run("lesson9").exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        ValidateCommand command = new ValidateCommand();
        command.lesson = "lesson9";
        // the one line CommandRunner prints for it
        assertThatThrownBy(command::call).isInstanceOf(UserError.class).message().doesNotContain("\n")
                .startsWith("No lesson or exercise set `lesson9` (no lessons/lesson9.md, no exercises/lesson9/tasks.toml). Lessons: lesson3,");
    }

}
