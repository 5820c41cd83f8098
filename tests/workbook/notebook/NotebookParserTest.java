package workbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.Test;
import workbook.UserError;
import workbook.WorkbookHome;

class NotebookParserTest {
    private final NotebookParser parser = new NotebookParser(Set.of("sql", "java", "check"));

    private static final String LESSON = """
            # Day 3: PostgreSQL

            Why PostgreSQL. Connect with `{{db.psql}}`.

            ```bash
            docker run postgres:14
            ```

            ## Create the table

            ```sql id=create-users
            CREATE TABLE users (id int);
            ```
            <!-- hint: Is the table
                 already there? -->

            Some words.

            ```sql expect=error title="a duplicate"
            INSERT INTO users VALUES (1);
            ```

            ### In Java

            ```java
            handle.createQuery("SELECT 1").mapTo(int.class).one()
            ```

            ```check
            lesson3
            ```

            The end.
            """;

    @Test
    void codeFencesBecomeNumberedStepsAndEverythingElseProse() {
        Notebook nb = parser.parse("lesson", "lesson.md", LESSON);

        assertThat(nb.title()).isEqualTo("Day 3: PostgreSQL");
        assertThat(nb.cells()).extracting(c -> c.getClass().getSimpleName())
                .containsExactly("ProseCell", "CodeCell", "ProseCell", "CodeCell", "ProseCell", "CodeCell", "CodeCell", "ProseCell");
        assertThat(nb.steps()).extracting(CodeCell::step).containsExactly(1, 2, 3, 4);
        assertThat(nb.steps()).extracting(CodeCell::language).containsExactly("sql", "sql", "java", "check");
        ProseCell first = (ProseCell) nb.cells().get(0);
        assertThat(first.markdown()).contains("Why PostgreSQL", "```bash", "docker run postgres:14", "## Create the table");
        assertThat(first.line()).isEqualTo(1);
        assertThat(((ProseCell) nb.cells().get(7)).markdown()).isEqualTo("The end.");
    }

    @Test
    void stepsCarryIdsHintsExpectationsAndTheNearestHeading() {
        Notebook nb = parser.parse("lesson", "lesson.md", LESSON);
        CodeCell create = nb.steps().get(0);
        CodeCell duplicate = nb.steps().get(1);

        assertThat(create.id()).isEqualTo("create-users");
        assertThat(create.source()).isEqualTo("CREATE TABLE users (id int);");
        assertThat(create.hint()).isEqualTo("Is the table already there?");
        assertThat(create.title()).isEqualTo("Create the table (create-users)");
        assertThat(create.line()).isEqualTo(11);
        assertThat(create.expectsError()).isFalse();

        assertThat(duplicate.expectsError()).isTrue();
        assertThat(duplicate.attributes()).containsEntry("title", "a duplicate");
        assertThat(duplicate.hint()).isNull();
        assertThat(nb.steps().get(2).heading()).isEqualTo("In Java");
        assertThat(nb.step("create-users")).contains(create);
        assertThat(nb.step("2")).contains(duplicate);
        assertThat(nb.step("9")).isEmpty();
    }

    @Test
    void unknownLanguagesAreProseWhenNoKindIsRegistered() {
        Notebook nb = new NotebookParser(Set.of("sql", "java")).parse("lesson", "lesson.md", LESSON);
        assertThat(nb.steps()).extracting(CodeCell::language).containsExactly("sql", "sql", "java");
        assertThat(nb.cells().get(nb.cells().size() - 1)).isInstanceOfSatisfying(ProseCell.class,
                p -> assertThat(p.markdown()).contains("```check", "The end."));
    }

    @Test
    void aDuplicateIdNamesItsLine() {
        String text = "# T\n\n```sql id=a\nSELECT 1;\n```\n\n```sql id=a\nSELECT 2;\n```\n";
        assertThatThrownBy(() -> parser.parse("t", "t.md", text))
                .isInstanceOf(UserError.class).hasMessageContaining("t.md:7").hasMessageContaining("`a`");
    }

    @Test
    void anUnknownExpectationOrAMalformedAttributeIsRefused() {
        assertThatThrownBy(() -> parser.parse("t", "t.md", "```sql expect=warning\nSELECT 1;\n```\n"))
                .isInstanceOf(UserError.class).hasMessageContaining("t.md:1").hasMessageContaining("expect=warning");
        assertThatThrownBy(() -> parser.parse("t", "t.md", "```sql create-users\nSELECT 1;\n```\n"))
                .isInstanceOf(UserError.class).hasMessageContaining("create-users");
    }

    @Test
    void anUnknownPlaceholderIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> parser.parse("t", "t.md", "# T\n\nRun {{db.pqsl}} now.\n"))
                .isInstanceOf(UserError.class).hasMessageContaining("t.md:3").hasMessageContaining("{{db.psql}}");
    }

    @Test
    void aNotebookWithoutHeadingIsTitledByItsName() {
        Notebook nb = parser.parse("scratch", "scratch.md", "```sql\nSELECT 1;\n```\n");
        assertThat(nb.title()).isEqualTo("scratch");
        assertThat(nb.steps().get(0).title()).isEqualTo("scratch");
    }

    @Test
    void aLessonSavedWithWindowsLineEndsReadsAsTheSameNotebook() throws Exception {
        // Git for Windows checks text out with CRLF by default, and Notepad saves CRLF: no step, title or cell
        // may keep a stray carriage return
        String lesson = Files.readString(WorkbookHome.locate().lessonsDir().resolve("lesson3.md"));
        assertThat(lesson).doesNotContain("\r");

        Notebook lf = parser.parse("lesson3", "lesson3.md", lesson);
        Notebook crlf = parser.parse("lesson3", "lesson3.md", lesson.replace("\n", "\r\n"));

        assertThat(crlf).usingRecursiveComparison().isEqualTo(lf);
        assertThat(crlf.toString()).doesNotContain("\r");
    }
}
