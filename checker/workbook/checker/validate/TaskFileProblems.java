package workbook.checker.validate;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import workbook.checker.TaskSetReader;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;

/**
 * What `validate` finds in an exercise set's files without a database: tasks.toml is TOML, every field
 * and check kind in it is known, every task has hints, a starter and a solution; each problem at its line.
 */
final class TaskFileProblems {
    private final Path root;
    private final List<Problem> problems = new ArrayList<>();

    private TaskFileProblems(Path root) {
        this.root = root;
    }

    /** The problems of {@code tasksFile}, and the task set when it could be read at all. */
    record Found(Optional<TaskSet> set, List<Problem> problems) {
    }

    /** @param root the checkout, which paths in messages are relative to */
    static Found of(Path root, Path tasksFile) {
        return new TaskFileProblems(root).check(tasksFile);
    }

    private Found check(Path file) {
        String shown = shown(file);
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            problems.add(new Problem(shown, 1, "cannot be read: " + e.getMessage()));
            return new Found(Optional.empty(), problems);
        }
        TomlLines lines = TomlLines.of(text);
        TaskSet set;
        try {
            set = TaskSetReader.readNamingUnknownFields(file, (pointer, known) -> problems.add(new Problem(shown, lines.lineOf(pointer),
                    "unknown field `" + pointer.substring(pointer.lastIndexOf('/') + 1) + "` (known here: " + names(known) + ")")));
        } catch (JsonMappingException e) {
            // a value of the wrong type: Jackson names where, as a path into the file
            String pointer = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : Integer.toString(r.getIndex()))
                    .collect(Collectors.joining("/", "/", ""));
            problems.add(new Problem(shown, lines.lineOf(pointer), e.getOriginalMessage()));
            return new Found(Optional.empty(), problems);
        } catch (JacksonException e) {
            int line = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation().getLineNr() : 1;
            problems.add(new Problem(shown, line, "not valid TOML: " + e.getOriginalMessage()));
            return new Found(Optional.empty(), problems);
        } catch (IOException e) {
            problems.add(new Problem(shown, 1, "cannot be read: " + e.getMessage()));
            return new Found(Optional.empty(), problems);
        }
        TaskSetReader.flaws(set).forEach(flaw -> problems.add(new Problem(shown, lines.lineOf(flaw.pointer()), flaw.message())));
        String folder = file.toAbsolutePath().getParent().getFileName().toString();
        if (!folder.equals(set.lesson())) {
            problems.add(new Problem(shown, lines.lineOf("/lesson"), "lesson = \"" + set.lesson() + "\" but the folder is " + folder
                    + ": they must be the same, as `check " + folder + "` and solutions/" + folder + "/ go by it"));
        }
        if (set.tasks().isEmpty()) {
            problems.add(new Problem(shown, lines.lineOf("/tasks"), "no tasks: add a [[tasks]] table for each exercise"));
        }
        for (int t = 0; t < set.tasks().size(); t++) {
            Task task = set.tasks().get(t);
            int line = lines.lineOf("/tasks/" + t);
            if (task.hints().isEmpty()) {
                problems.add(new Problem(shown, line, "task " + task.id() + " has no hints: add hints = [\"a question\", \"the approach\", \"the code\"]"));
            }
            if (task.id() != null && !Files.isRegularFile(set.exerciseFile(task))) {
                problems.add(new Problem(shown, line, "task " + task.id() + " has no starter file " + shown(set.exerciseFile(task))));
            }
            if (task.id() != null && !Files.isRegularFile(set.solutionFile(task))) {
                problems.add(new Problem(shown, line, "task " + task.id() + " has no solution " + shown(set.solutionFile(task))));
            }
        }
        return new Found(Optional.of(set), problems);
    }

    private String shown(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : file.toString();
    }

    private static String names(Collection<Object> known) {
        return known.stream().map(Object::toString).filter(n -> !n.equals("folder")).collect(Collectors.toCollection(TreeSet::new))
                .stream().collect(Collectors.joining(", "));
    }
}
