package workbook.checker.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;

/**
 * The reference states of an assignment, and the one way they are built, for check and grade alike:
 * state 0 is the lesson's end state (setup.sql), state k adds the reference solutions of tasks 1..k.
 * A state is built on a sandbox session (so everything in it belongs to the sandbox's role, which a
 * learner's file may then alter, and no privileged session runs anything inside) in a database opened
 * to that role. All of it is the instructor's own SQL, which must run cleanly.
 */
public final class ReferenceStates {
    private final TaskSet set;
    private final Map<Integer, String> batches = new ConcurrentHashMap<>();

    public ReferenceStates(TaskSet set) {
        this.set = set;
    }

    /** The state after every task: the one that runs every reference solution. */
    public int last() {
        return set.tasks().size();
    }

    /**
     * Builds state {@code k} in the empty database of {@code session} in one round trip: setup.sql, then
     * the reference solutions of tasks 1..k, as one string. A file is closed by a line break and a
     * semicolon, so a final comment or a missing semicolon cannot swallow the next file. Not through the
     * statement runner, on purpose: every grading reset builds a state, and one round trip beats one per
     * statement; {@link #prove} runs the same files through the runner first, where a failure is named.
     */
    public void build(Connection session, int k) throws SQLException {
        try (Statement s = session.createStatement()) {
            s.execute(batches.computeIfAbsent(k, this::batch));
        }
    }

    private String batch(int k) {
        StringBuilder sql = new StringBuilder(read(set.setupFile(), set.setupFile().toString())).append("\n;\n");
        for (int j = 0; j < k; j++) {
            Task task = set.tasks().get(j);
            sql.append(read(set.solutionFile(task), "the reference solution of " + task.id())).append("\n;\n");
        }
        return sql.toString();
    }

    /**
     * Turns state {@code k - 1} into state {@code k} where it is, as the exercise runner runs a learner's
     * file there: the reference solution of task {@code k}. Returns what kept it from running cleanly, if anything.
     */
    public Optional<String> applySolution(Connection session, int k) throws SQLException {
        Task task = set.tasks().get(k - 1);
        String shown = "solutions/" + set.lesson() + "/" + task.file();
        FileRun run = new ExerciseRunner(set.errorNotes()).run(set.solutionFile(task), shown, session);
        if (run.status() == FileRun.Status.RAN && run.sqlErrors().isEmpty()) {
            return Optional.empty();
        }
        String why = run.sqlErrors().isEmpty() ? shown + " " + run.status().name().toLowerCase() : String.join("; ", run.sqlErrors());
        return Optional.of("the reference solution of " + task.id() + " does not run cleanly: " + why);
    }

    /**
     * Builds the last state in the empty database of {@code session} one file at a time, so that a
     * reference solution that does not run stops everything before any learner's file runs, named.
     */
    public void prove(Connection session) throws SQLException {
        build(session, 0);
        for (int k = 1; k <= last(); k++) {
            Optional<String> failed = applySolution(session, k);
            if (failed.isPresent()) {
                throw new IllegalStateException(failed.get());
            }
        }
    }

    private static String read(Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + what + ": " + e.getMessage(), e);
        }
    }
}
