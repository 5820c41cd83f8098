package workbook.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.Slow;

/**
 * A student's checkout where Windows and macOS put it, `C:\Users\José Müller\crm workbook`, saved the Windows
 * way (CRLF in the lesson, the task file and the student's SQL): the launcher, the embedded server, the
 * lesson, the checker and the grader all run there end to end, as a student and an instructor would.
 */
@Slow
class AccentedPathCheckoutTest {
    private static final List<String> CRLF_FILES = List.of("lessons/lesson3.md", "exercises/lesson3/tasks.toml",
            "exercises/lesson3/setup.sql");

    @TempDir
    Path dir;

    @Test
    void dbUpLessonCheckAndGradeRunInACheckoutUnderSpacesAndAccents() throws Exception {
        LauncherCheckout checkout = LauncherCheckout.create(dir.resolve("José Müller/crm workbook"));
        checkout.copyFromRepository("exercises");
        checkout.copyFromRepository("solutions");
        checkout.env.put("WORKBOOK_DB", "embedded");
        for (String file : CRLF_FILES) {
            checkout.write(file, checkout.read(file).replace("\n", "\r\n"));
        }
        // the student solved every task in Notepad
        Path submission = Files.createDirectories(dir.resolve("class of 2026/Zoë Ærø"));
        try (var solutions = Files.list(checkout.root.resolve("solutions/lesson3"))) {
            for (Path solution : (Iterable<Path>) solutions::iterator) {
                String crlf = Files.readString(solution).replace("\n", "\r\n");
                checkout.write("exercises/lesson3/" + solution.getFileName(), crlf);
                Files.writeString(submission.resolve(solution.getFileName().toString()), crlf);
            }
        }
        try {
            LaunchResult up = checkout.run("db", "up");
            assertThat(up.exitCode()).as(up.toString()).isZero();

            LaunchResult lesson = checkout.run("lesson3", "--run-all");
            assertThat(lesson.exitCode()).as(lesson.toString()).isZero();
            assertThat(lesson.stdout()).contains("alice@example.com").doesNotContain("\r");

            LaunchResult check = checkout.run("check", "lesson3");
            assertThat(check.exitCode()).as(check.toString()).isZero();
            assertThat(check.stdout()).contains("✓").doesNotContain("✗").doesNotContain("\r");

            Path grades = dir.resolve("grades for Zoë");
            LaunchResult grade = checkout.run("grade", "lesson3", "--submissions", submission.getParent().toString(),
                    "--out", grades.toString());
            assertThat(grade.exitCode()).as(grade.toString()).isZero();
            assertThat(Files.readString(grades.resolve("grades.csv"))).contains("Zoë Ærø");
        } finally {
            LaunchResult down = checkout.run("db", "down", "--purge", "--yes");
            assertThat(down.exitCode()).as(down.toString()).isZero();
        }
    }
}
