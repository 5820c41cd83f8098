package workbook.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import workbook.checker.run.ExerciseRunner;
import workbook.checker.run.FileRun;
import workbook.checker.run.ReferenceTemplates;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;

/**
 * The checker's reference states rebuilt in place: state k is the assignment's setup.sql followed by
 * the reference solutions of tasks 1..k, exactly what {@link ReferenceTemplates} runs to build its
 * templates. Everything is created as wbgrade_owner, so a student's role (its member) may alter it.
 */
final class ReferenceStates {
    private final TaskSet set;
    private final String setupSql;
    private final Map<String, Integer> stateOfTemplate = new HashMap<>();
    private final ReferenceTemplates templates;

    /** {@code templates} must be built already (the checker then skips asking the server per submission). */
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

    ReferenceTemplates templates() {
        return templates;
    }

    /** Which reference state a checker template holds, or -1 for a template that is not one of them. */
    int stateOf(String template) {
        return stateOfTemplate.getOrDefault(template, -1);
    }

    /**
     * Builds state {@code k} in the (empty) database of {@code admin}, a superuser session on it, then
     * runs {@code andThen} as the admin (the grant to the submission's role, sparing it a round trip).
     */
    void build(Connection admin, int k, String andThen) throws SQLException {
        try (Statement s = admin.createStatement()) {
            try {
                // SET ROLE travels with setup.sql: one round trip
                s.execute("SET ROLE " + GradingServer.OWNER_ROLE + ";\n" + setupSql);
                ExerciseRunner runner = new ExerciseRunner(set.errorNotes());
                for (int j = 0; j < k; j++) {
                    Task task = set.tasks().get(j);
                    FileRun run = runner.run(set.solutionFile(task), task.file(), admin);
                    if (!run.sqlErrors().isEmpty()) {
                        throw new SQLException("the reference solution of " + task.id() + " does not run cleanly: " + String.join("; ", run.sqlErrors()));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                s.execute("RESET ROLE");
                throw e;
            }
            s.execute("RESET ROLE;" + andThen);
        }
    }
}
