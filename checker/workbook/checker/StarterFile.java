package workbook.checker;

import java.util.stream.Collectors;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;

/**
 * A task's starter file, written from tasks.toml (title, points, statement): what {@code reset} puts
 * back, with no copy to keep in step and no git needed. ExerciseContentTest proves each file in
 * exercises/ started as this text.
 */
final class StarterFile {
    private StarterFile() {
    }

    static String of(TaskSet set, Task task) {
        int number = set.numberOf(task);
        String statement = task.statement().strip().lines()
                .map(line -> line.isBlank() ? "--" : "-- " + line)
                .collect(Collectors.joining("\n"));
        return "-- Task " + number + ": " + task.title() + " (" + task.points() + " points)\n"
                + "--\n"
                + statement + "\n"
                + "--\n"
                + "-- Check your work:  ./jbang check " + set.lesson() + " --task " + number
                + "     Stuck?  ./jbang hint " + set.lesson() + " " + number + "\n"
                + "-- Write your SQL below this line.\n"
                + "\n";
    }
}
