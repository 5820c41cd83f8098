package workbook.checker;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import workbook.UserError;
import workbook.WorkbookHome;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;

/** {@code LESSON TASK}, as hint, solution and reset take them: an exercise set and one task of it. */
final class TaskArguments {
    @Parameters(index = "0", paramLabel = "LESSON", description = "The exercise set, e.g. lesson3.")
    String lesson;

    @Parameters(index = "1", paramLabel = "TASK", description = "The task's number (1, 2 ...) or id (02-insert-bob).")
    String taskName;

    @Option(names = "--verbose", hidden = true)
    boolean verbose;

    static TaskArguments of(String lesson, String taskName) {
        TaskArguments arguments = new TaskArguments();
        arguments.lesson = lesson;
        arguments.taskName = taskName;
        return arguments;
    }

    TaskSet set(WorkbookHome home) {
        return TaskSetReader.forLesson(home, lesson);
    }

    /** The task named, or a one-line error giving the range. */
    Task task(TaskSet set) {
        return set.find(taskName).orElseThrow(() -> UserError.badInput(
                "No task `" + taskName + "` in " + lesson + ": give 1 to " + set.tasks().size() + " or an id such as " + set.tasks().get(0).id() + "."));
    }
}
