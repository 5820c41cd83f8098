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

    private volatile CapturingExecutionControl control;

    /** For the ServiceLoader. */
    public WorkbookExecution() {
    }

    /** The tool's --execution argument for a session. */
    static String spec(int session) {
        return NAME + ":" + SESSION + "(" + session + ")";
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, String> defaultParameters() {
        return Map.of(SESSION, "0");
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        int session = Integer.parseInt(parameters.getOrDefault(SESSION, "0"));
        control = new CapturingExecutionControl(Bindings.database(session));
        return control;
    }

    /** The engine last generated: JShell makes a new one on reset. */
    CapturingExecutionControl control() {
        return control;
    }
}
