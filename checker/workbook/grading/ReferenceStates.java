package workbook.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import workbook.checker.run.ExerciseRunner;
import workbook.checker.run.FileRun;
import workbook.checker.run.ReferenceTemplates;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;

/**
 * The checker's reference states rebuilt in place: state k is the assignment's setup.sql followed by
 * the reference solutions of tasks 1..k, exactly what {@link ReferenceTemplates} runs to build its
 * templates. Built on the job's sandbox session, so everything belongs to the student's role (which may
 * then alter it) and the admin never runs anything inside a student's database.
 */
final class ReferenceStates {
    private final TaskSet set;
    private final String setupSql;
    private final Map<String, Integer> stateOfTemplate = new HashMap<>();
    private final ReferenceTemplates templates;
    private final Map<Integer, String> batches = new ConcurrentHashMap<>();

    /** {@code templates} name the states for the checker, which asks for a copy of one by its name; they need not exist. */
    ReferenceStates(TaskSet set, ReferenceTemplates templates) {
        this.set = set;
        this.templates = templates;
        try {
            this.setupSql = Files.readString(set.setupFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + set.setupFile() + ": " + e.getMessage(), e);
        }
        for (int k = 0; k <= set.tasks().size(); k++) {
            stateOfTemplate.put(templates.name(k), k);
        }
    }

    /** The state after every task: the one that runs every reference solution. */
    int last() {
        return set.tasks().size();
    }

    ReferenceTemplates templates() {
        return templates;
    }

    /** Which reference state a checker template holds, or -1 for a template that is not one of them. */
    int stateOf(String template) {
        return stateOfTemplate.getOrDefault(template, -1);
    }

    /**
     * The statements that build state {@code k} in an empty database as one string, sent in one round
     * trip: setup.sql, then the reference solutions of tasks 1..k. All of it is the instructor's own SQL,
     * which must run cleanly; a file is closed by a line break and a semicolon, so a final comment or a
     * missing semicolon cannot swallow the next file.
     */
    String batch(int k) {
        String known = batches.get(k);
        if (known != null) {
            return known;
        }
        StringBuilder sql = new StringBuilder(setupSql).append("\n;\n");
        for (int j = 0; j < k; j++) {
            Task task = set.tasks().get(j);
            try {
                sql.append(Files.readString(set.solutionFile(task), StandardCharsets.UTF_8)).append("\n;\n");
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the reference solution of " + task.id() + ": " + e.getMessage(), e);
            }
        }
        String built = sql.toString();
        batches.put(k, built);
        return built;
    }

    /**
     * Builds state {@code k} in the (empty) database of {@code session} statement by statement, naming a
     * reference solution that fails: the slow path, taken only when {@link #batch(int)} failed.
     */
    void buildStepByStep(Connection session, int k) throws SQLException {
        try (Statement s = session.createStatement()) {
            s.execute(setupSql);
        }
        ExerciseRunner runner = new ExerciseRunner(set.errorNotes());
        for (int j = 0; j < k; j++) {
            Task task = set.tasks().get(j);
            FileRun run = runner.run(set.solutionFile(task), task.file(), session);
            if (!run.sqlErrors().isEmpty()) {
                throw new SQLException("the reference solution of " + task.id() + " does not run cleanly: " + String.join("; ", run.sqlErrors()));
            }
        }
    }
}
