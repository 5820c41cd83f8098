package workbook.checker.validate;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import workbook.checker.result.CheckReport;
import workbook.checker.result.TaskResult;
import workbook.checker.run.AssignmentChecker;
import workbook.checker.run.ScratchDatabase;
import workbook.checker.run.ServerAccess;
import workbook.checker.task.TaskSet;
import workbook.db.RunningServer;

/**
 * rustlings' content check on a server, judged by the checker itself ({@link AssignmentChecker}, as
 * `check` judges a learner): every solution passes its task and every starter does not yet. Both run
 * in scratch copies; crm_db is not touched.
 */
final class ExerciseProblems {
    // where the reference states name a solution that does not run: "solutions/x/01-a.sql:3:5: ERROR: ..."
    private static final Pattern SOLUTION_ERROR = Pattern.compile("(solutions/\\S+?\\.sql):(\\d+)(?::\\d+)?: (.*)");

    private ExerciseProblems() {
    }

    static List<Problem> of(Path root, TaskSet set, RunningServer server) throws SQLException {
        List<Problem> problems = new ArrayList<>();
        String lesson = set.lesson();
        try (ServerAccess access = new ServerAccess(server.connection())) {
            CheckReport solutions;
            try {
                solutions = new AssignmentChecker(set, access, set.solutionFile(set.tasks().get(0)).getParent(), "solutions/" + lesson + "/")
                        .scratch(Optional.empty(), message -> { });
            } catch (IllegalStateException e) {
                // the reference states are built from the solutions, so one that does not run stops everything here
                Matcher m = SOLUTION_ERROR.matcher(e.getMessage());
                problems.add(m.find() ? new Problem(m.group(1), Integer.parseInt(m.group(2)), "the solution does not run cleanly: " + m.group(3))
                        : new Problem(root.relativize(set.folder().resolve("tasks.toml")).toString(), 1, e.getMessage()));
                return problems;
            }
            for (TaskResult task : solutions.tasks()) {
                if (!task.passed()) {
                    String why = task.firstFailure().map(c -> "check `" + c.check() + "` says: " + c.message()).orElse(String.join("; ", task.sqlErrors()));
                    problems.add(new Problem(task.file(), 1, "the solution does not pass task " + task.taskId() + ": " + why));
                }
            }
            CheckReport starters = new AssignmentChecker(set, access, set.folder(), root.relativize(set.folder()) + "/").scratch(Optional.empty(), message -> { });
            for (TaskResult task : starters.tasks()) {
                if (task.passed()) {
                    problems.add(new Problem(task.file(), 1, "the starter already passes task " + task.taskId()
                            + ": leave the work to the learner (the file should hold only the task's comments)"));
                }
            }
        } finally {
            ScratchDatabase.awaitDrops();
        }
        return problems;
    }
}
