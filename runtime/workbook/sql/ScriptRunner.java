package workbook.sql;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a learner's script (a file or a notebook cell) statement by statement on one connection, as psql
 * does with a file: each SQL statement sent as written, psql meta-commands skipped, and either going on
 * after an error (psql's default) or stopping at the first one (psql's ON_ERROR_STOP).
 */
public final class ScriptRunner {

    /** What to do after a statement fails. */
    public enum OnError { CONTINUE, STOP }

    private ScriptRunner() {
    }

    public static List<StatementRun> run(Connection connection, String source, OnError onError) {
        return run(connection, StatementSplitter.split(source), onError, run -> { });
    }

    /**
     * @param each called after every statement (run or skipped), so a caller can show results as they come
     * @return every statement attempted, in order; after a failure with STOP, the rest are not in the list
     */
    public static List<StatementRun> run(Connection connection, List<SqlStatement> statements, OnError onError,
                                         Consumer<StatementRun> each) {
        List<StatementRun> runs = new ArrayList<>();
        for (SqlStatement statement : statements) {
            StatementRun run = statement.isMeta()
                    ? StatementRun.skipped(statement)
                    : new StatementRun(statement, StatementExecutor.run(connection, statement.text()));
            runs.add(run);
            each.accept(run);
            if (run.failed() && (onError == OnError.STOP || connectionLost(run))) {
                break;
            }
        }
        return runs;
    }

    /** Nothing after a lost connection can run; going on would only repeat the same error. */
    private static boolean connectionLost(StatementRun run) {
        return run.outcome() instanceof StatementOutcome.Failed f && f.connectionLost();
    }
}
