package workbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import workbook.WorkbookHome;

/** The content check of every notebook in lessons/: it parses, has a title, steps, unique ids. */
class LessonsFormatTest {
    private static final Set<String> LANGUAGES = Set.of("sql", "java", "check", "server");

    @TestFactory
    Stream<DynamicTest> everyLessonParsesWithUniqueIdsAndAtLeastOneStep() throws IOException {
        Path lessons = WorkbookHome.locate().lessonsDir();
        List<Path> files;
        try (Stream<Path> listed = Files.list(lessons)) {
            files = listed.filter(p -> p.toString().endsWith(".md") && !p.getFileName().toString().equals("README.md")).sorted().toList();
        }
        assertThat(files).as("notebooks in " + lessons).isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Notebook notebook = new NotebookParser(LANGUAGES).parse(file);
            assertThat(notebook.title()).isNotEqualTo(notebook.name());
            assertThat(notebook.steps()).isNotEmpty();
            Set<String> ids = new HashSet<>();
            for (CodeCell step : notebook.steps()) {
                assertThat(step.source()).as("step %d of %s", step.step(), file).isNotBlank();
                if (step.id() != null) {
                    assertThat(ids.add(step.id())).as("id %s is unique", step.id()).isTrue();
                    assertThat(step.id()).matches("[a-z0-9][a-z0-9-]*");
                }
            }
        }));
    }
}
