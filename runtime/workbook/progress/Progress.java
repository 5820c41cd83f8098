package workbook.progress;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a learner has done in this checkout, as data (the content of .workbook/progress.json).
 *
 * @param formatVersion {@link #FORMAT_VERSION}; a file of another version is treated as unreadable
 * @param notebooks     per lesson or lab name (lesson3, lesson3-acid): where its walk stands
 * @param exercises     per exercise set (lesson3), per task id (01-add-columns): what check found and giving up
 */
public record Progress(int formatVersion, Map<String, NotebookProgress> notebooks, Map<String, Map<String, TaskProgress>> exercises) {
    public static final int FORMAT_VERSION = 1;

    public Progress {
        // sorted, so the file reads in a stable order
        notebooks = notebooks == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(notebooks));
        exercises = exercises == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(exercises));
    }

    public static Progress empty() {
        return new Progress(FORMAT_VERSION, Map.of(), Map.of());
    }

    public NotebookProgress notebook(String name) {
        return notebooks.get(name);
    }

    public TaskProgress task(String exerciseSet, String taskId) {
        return exercises.getOrDefault(exerciseSet, Map.of()).get(taskId);
    }

    public Progress withNotebook(String name, NotebookProgress walk) {
        Map<String, NotebookProgress> changed = new LinkedHashMap<>(notebooks);
        changed.put(name, walk);
        return new Progress(FORMAT_VERSION, changed, exercises);
    }

    public Progress withTask(String exerciseSet, String taskId, TaskProgress task) {
        Map<String, TaskProgress> tasks = new TreeMap<>(exercises.getOrDefault(exerciseSet, Map.of()));
        tasks.put(taskId, task);
        Map<String, Map<String, TaskProgress>> changed = new LinkedHashMap<>(exercises);
        changed.put(exerciseSet, tasks);
        return new Progress(FORMAT_VERSION, notebooks, changed);
    }
}
