package workbook.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import workbook.checker.kinds.CheckKinds;
import workbook.checker.task.CheckSpec;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;

/** rustlings' content check: names unique, no stray files, starters state their task, solutions explain themselves. */
class ExerciseContentTest {
    private final TaskSet set = CheckerFixture.LESSON3;

    @Test
    void exerciseAndSolutionFoldersHoldExactlyTheTasksFiles() throws IOException {
        Set<String> expected = set.tasks().stream().map(Task::file).collect(Collectors.toSet());
        assertThat(set.tasks()).extracting(Task::id)
                .containsExactly("01-add-columns", "02-insert-bob", "03-update-alice", "04-delete-bob", "05-email-index");
        assertThat(sqlFiles(CheckerFixture.starters())).containsExactlyInAnyOrderElementsOf(union(expected, Set.of(set.setup())));
        assertThat(sqlFiles(CheckerFixture.solutions())).containsExactlyInAnyOrderElementsOf(expected);
        try (var all = Files.list(CheckerFixture.starters())) {
            assertThat(all.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".sql")))
                    .as("no stray files next to the exercises").containsExactly("tasks.toml");
        }
    }

    @Test
    void everyStarterOpensWithItsTaskStatementAsComments() throws IOException {
        for (Task task : set.tasks()) {
            String comments = Files.readAllLines(set.exerciseFile(task)).stream()
                    .takeWhile(l -> l.startsWith("--")).map(l -> l.replaceFirst("^-- ?", "")).collect(Collectors.joining("\n"));
            assertThat(comments).as(task.file()).startsWith("Task " + set.numberOf(task) + ": " + task.title() + " (" + task.points() + " points)");
            assertThat(comments).as(task.file()).contains(task.statement().strip().replace("\\\\", "\\"));
            assertThat(comments).as(task.file()).contains("./jbang hint lesson3 " + set.numberOf(task));
        }
    }

    @Test
    void everySolutionExplainsWhyInComments() throws IOException {
        for (Task task : set.tasks()) {
            List<String> lines = Files.readAllLines(set.solutionFile(task));
            assertThat(lines.stream().filter(l -> l.strip().startsWith("--")).count()).as(task.file()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void everyTaskHasHintsAndEveryCheckAKnownKindPointsAndName() {
        Set<String> names = new HashSet<>();
        for (Task task : set.tasks()) {
            assertThat(task.hints()).as(task.id()).isNotEmpty();
            for (CheckSpec check : task.checks()) {
                assertThat(CheckKinds.exists(check.kind())).as(check.kind()).isTrue();
                assertThat(check.name()).isNotBlank();
                assertThat(names.add(task.id() + "/" + check.name())).as("check names unique within a task: " + check.name()).isTrue();
                assertThat(check.points()).isNotNegative();
            }
        }
        assertThat(set.maxRequiredPoints()).isEqualTo(21);
    }

    /**
     * Hints go from a question, to the approach, to code: the first asks and gives no statement to copy (no SQL
     * that ends in a semicolon), in every exercise set.
     */
    @Test
    void everyTasksFirstHintIsAQuestionThatGivesNoAnswer() throws IOException {
        try (var folders = Files.list(CheckerFixture.HOME.exercisesDir())) {
            for (Path folder : folders.filter(f -> Files.isRegularFile(f.resolve("tasks.toml"))).toList()) {
                for (Task task : TaskSetReader.read(folder.resolve("tasks.toml")).tasks()) {
                    String context = folder.getFileName() + "/" + task.id();
                    assertThat(task.hints()).as(context).hasSizeGreaterThanOrEqualTo(3);
                    String first = task.hints().get(0);
                    assertThat(first).as(context).contains("?").doesNotContain(";");
                    assertThat(task.hints().get(task.hints().size() - 1)).as(context + ": the last hint shows code").contains(";");
                }
            }
        }
    }

    private static Set<String> sqlFiles(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).collect(Collectors.toSet());
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
