package workbook.checker.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One assignment as its tasks.toml describes it (format_version 1). Each component is a field of the
 * file; this record and the ones it holds are the format's specification.
 *
 * @param formatVersion  {@code format_version}: 1; a newer number means a newer workbook is needed
 * @param lesson         the exercise set's name, also its folder: {@code exercises/<lesson>/}
 * @param title          shown atop the check report
 * @param setup          file (next to tasks.toml) with the SQL of the lesson's end state, where checks start
 * @param table          the table checks look at unless a check names its own
 * @param key            the column that identifies a row across snapshots (a primary key)
 * @param labelColumn    {@code label_column}: the column that names a row in messages, e.g. email
 * @param errorNotes     {@code [[error_notes]]}: explanations added under matching PostgreSQL errors
 * @param outcomeNotes   {@code [[outcome_notes]]}: explanations of statements that ran but missed (UPDATE 0)
 * @param tasks          {@code [[tasks]]}, in the order the learner does them
 * @param folder         where tasks.toml was read from (not a field of the file)
 */
public record TaskSet(
        @JsonProperty("format_version") int formatVersion,
        String lesson,
        String title,
        String setup,
        String table,
        String key,
        @JsonProperty("label_column") String labelColumn,
        @JsonProperty("error_notes") List<ErrorNote> errorNotes,
        @JsonProperty("outcome_notes") List<OutcomeNote> outcomeNotes,
        List<Task> tasks,
        Path folder) {

    public TaskSet {
        errorNotes = errorNotes == null ? List.of() : List.copyOf(errorNotes);
        outcomeNotes = outcomeNotes == null ? List.of() : List.copyOf(outcomeNotes);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        table = table == null ? "users" : table;
        key = key == null ? "id" : key;
    }

    public TaskSet inFolder(Path where) {
        return new TaskSet(formatVersion, lesson, title, setup, table, key, labelColumn, errorNotes, outcomeNotes, tasks, where);
    }

    /** The task numbered {@code number} (1-based, file order). */
    public Optional<Task> task(int number) {
        return number >= 1 && number <= tasks.size() ? Optional.of(tasks.get(number - 1)) : Optional.empty();
    }

    /** The task named by a number ("2") or an id ("02-insert-bob"). */
    public Optional<Task> find(String numberOrId) {
        if (numberOrId.matches("\\d+")) {
            return task(Integer.parseInt(numberOrId));
        }
        return tasks.stream().filter(t -> t.id().equals(numberOrId)).findFirst();
    }

    public int numberOf(Task task) {
        return tasks.indexOf(task) + 1;
    }

    public Path setupFile() {
        return folder.resolve(setup);
    }

    public Path exerciseFile(Task task) {
        return folder.resolve(task.file());
    }

    /** solutions/<lesson>/<file>, beside exercises/. */
    public Path solutionFile(Task task) {
        return folder.getParent().resolveSibling("solutions").resolve(lesson).resolve(task.file());
    }

    public List<Task> requiredTasks() {
        return tasks.stream().filter(t -> !t.bonus()).toList();
    }

    public int maxRequiredPoints() {
        return requiredTasks().stream().mapToInt(Task::points).sum();
    }
}
