package workbook.jshell;

import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * The execution engine the workbook gives JShell, by instance (Java cells) or by name through the
 * ServiceLoader (the interactive tool: {@code --execution workbook:session(3)}): local execution bound to
 * one session's database, so a stop cancels that session's queries.
 */
public final class WorkbookExecution implements ExecutionControlProvider {
    static final String NAME = "workbook";
    static final String SESSION = "session";
    /** "short": a snippet's SQL error is shown as {@link SqlErrorReport} words it, not with JShell's stack traces. */
    static final String SQL_ERRORS = "sqlErrors";

    private volatile CapturingExecutionControl control;

    /** For the ServiceLoader. */
    public WorkbookExecution() {
    }

    /** The tool's --execution argument for a session; {@code shortSqlErrors} unless the learner asked for --verbose. */
    static String spec(int session, boolean shortSqlErrors) {
        return NAME + ":" + SESSION + "(" + session + ")," + SQL_ERRORS + "(" + (shortSqlErrors ? "short" : "full") + ")";
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, String> defaultParameters() {
        return Map.of(SESSION, "0", SQL_ERRORS, "full");
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        int session = Integer.parseInt(parameters.getOrDefault(SESSION, "0"));
        // JShell's class loading makes its own loader the thread's context loader; the tool's /reset
        // would then no longer find this engine through the ServiceLoader, so the old one comes back
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            control = new CapturingExecutionControl(Bindings.database(session), "short".equals(parameters.get(SQL_ERRORS)));
        } finally {
            thread.setContextClassLoader(previous);
        }
        return control;
    }

    /** The engine last generated: JShell makes a new one on reset. */
    CapturingExecutionControl control() {
        return control;
    }
}
