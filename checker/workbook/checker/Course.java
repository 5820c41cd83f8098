//DEPS com.fasterxml.jackson.core:jackson-databind:2.20.1
package workbook.checker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import workbook.UserError;
import workbook.WorkbookHome;
import workbook.checker.task.TaskSet;
import workbook.notebook.CellKinds;
import workbook.notebook.JavaCellKind;
import workbook.notebook.NotebookParser;
import workbook.notebook.ServerCellKind;
import workbook.notebook.SqlCellKind;

/**
 * The course as jbang-catalog.json lays it out: its commands (aliases with their descriptions), the
 * lesson and labs among them (aliases that open lessons/NAME.md), each with its number of steps, and
 * the exercise sets in exercises/. What {@code progress} maps.
 */
record Course(List<Command> commands, List<Walk> walks, List<TaskSet> exerciseSets) {

    record Command(String name, String description) {
    }

    /** A lesson or lab: the alias that opens it, its notebook's name (the progress store's key), title and number of steps. */
    record Walk(String alias, String name, String title, int steps) {
    }

    static Course of(WorkbookHome home) {
        JsonNode aliases;
        try {
            aliases = new ObjectMapper().readTree(home.root().resolve("jbang-catalog.json").toFile()).path("aliases");
        } catch (IOException e) {
            throw UserError.environment("Cannot read jbang-catalog.json in " + home.root() + " (" + e.getMessage() + ").", e);
        }
        List<Command> commands = new ArrayList<>();
        List<Walk> walks = new ArrayList<>();
        // the same fence languages a walk knows, so the steps counted are the steps walked
        try (CellKinds kinds = new CellKinds().register(new SqlCellKind(0)).register(new JavaCellKind())
                .register(new ServerCellKind(() -> null)).register(new CheckCellKind())) {
            NotebookParser parser = new NotebookParser(kinds.languages());
            for (Map.Entry<String, JsonNode> alias : aliases.properties()) {
                commands.add(new Command(alias.getKey(), alias.getValue().path("description").asText("")));
                notebookOf(home, alias.getValue()).ifPresent(file -> {
                    var notebook = parser.parse(file);
                    walks.add(new Walk(alias.getKey(), notebook.name(), notebook.title(), notebook.steps().size()));
                });
            }
        }
        List<TaskSet> sets = new ArrayList<>();
        for (Walk walk : walks) {
            if (Files.isRegularFile(home.exercisesDir().resolve(walk.name()).resolve("tasks.toml"))) {
                sets.add(TaskSetReader.forLesson(home, walk.name()));
            }
        }
        return new Course(commands, walks, sets);
    }

    /** lessons/NAME.md when the alias runs the lesson script with NAME as its argument. */
    private static Optional<Path> notebookOf(WorkbookHome home, JsonNode alias) {
        if (!alias.path("script-ref").asText().endsWith("Lesson.java") || !alias.path("arguments").path(0).isTextual()) {
            return Optional.empty();
        }
        Path file = home.lessonsDir().resolve(alias.path("arguments").path(0).asText() + ".md");
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    Optional<TaskSet> exercisesOf(Walk walk) {
        return exerciseSets.stream().filter(s -> s.lesson().equals(walk.name())).findFirst();
    }
}
