package workbook.sql;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a learner's script (a notebook cell, an exercise file, a reference solution) statement by statement
 * on one connection, as psql does with a file: each SQL statement sent as written, psql meta-commands
 * skipped, a callback after each statement, and the caller's rule for when to stop. Nothing runs after a
 * lost connection, whatever the rule.
 */
public final class ScriptRunner {

    /** Asked after each statement that ran (a skipped meta-command never stops a script): stop here? */
    @FunctionalInterface
    public interface StopRule {
        /** psql's default: every statement is tried, an error does not stop the script. */
        StopRule NEVER = run -> false;
        /** psql's ON_ERROR_STOP: the first failure ends the script. */
        StopRule FIRST_FAILURE = StatementRun::failed;

        boolean stopsAfter(StatementRun run);
    }

    private ScriptRunner() {
    }

    public static List<StatementRun> run(Connection connection, String source, StopRule stop) {
        return run(connection, StatementSplitter.split(source), stop, run -> { });
    }

    /**
     * @param each called after every statement (run or skipped), so a caller can show or count results as they come
     * @return every statement attempted, in order; the ones after a stop are not in the list
     */
    public static List<StatementRun> run(Connection connection, List<SqlStatement> statements, StopRule stop,
                                         Consumer<StatementRun> each) {
        List<StatementRun> runs = new ArrayList<>();
        for (SqlStatement statement : statements) {
            StatementRun run = statement.isMeta()
                    ? StatementRun.skipped(statement)
                    : new StatementRun(statement, StatementExecutor.run(connection, statement.text()));
            runs.add(run);
            each.accept(run);
            if (!run.skipped() && (run.connectionLost() || stop.stopsAfter(run))) {
                break;
            }
        }
        return runs;
    }
}
