package workbook.jshell;

import java.time.Duration;
import jdk.jshell.execution.LocalExecutionControl;

/**
 * JShell's local execution engine, keeping the live objects JShell itself turns into strings (the value of
 * a variable, so a list of records can be shown one per line; the exception a snippet threw, so its cause
 * chain and SQL details survive), and stopping a snippet by cancelling its database query first.
 */
final class CapturingExecutionControl extends LocalExecutionControl {
    /** How long a cancelled query gets to end the snippet before the snippet thread is stopped outright. */
    private static final Duration CANCEL_GRACE = Duration.ofMillis(300);

    private final SessionDatabase database;
    private volatile boolean snippetRunning;
    private volatile boolean stopped;
    private volatile Object lastValue;
    private volatile Throwable lastThrown;

    CapturingExecutionControl(SessionDatabase database) {
        this.database = database;
    }

    /** Clears what the previous snippet left. */
    void reset() {
        lastValue = null;
        lastThrown = null;
        stopped = false;
    }

    Object lastValue() {
        return lastValue;
    }

    Throwable lastThrown() {
        return lastThrown;
    }

    /** True when {@link #stop()} reached the snippet that ran last. */
    boolean stopped() {
        return stopped;
    }

    @Override
    public String varValue(String className, String varName)
            throws RunException, EngineTerminationException, InternalException {
        try {
            var field = findClass(className).getDeclaredField(varName);
            field.setAccessible(true);
            lastValue = field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            lastValue = null;
        }
        return super.varValue(className, varName);
    }

    @Override
    protected String throwConvertedInvocationException(Throwable cause) throws RunException, InternalException {
        lastThrown = cause;
        return super.throwConvertedInvocationException(cause);
    }

    @Override
    protected void clientCodeEnter() {
        snippetRunning = true;
        super.clientCodeEnter();
    }

    @Override
    protected void clientCodeLeave() {
        super.clientCodeLeave();
        snippetRunning = false;
    }

    /**
     * First PostgreSQL cancels the query each of the session's connections runs, which ends a snippet
     * blocked in JDBC cleanly; if the snippet still runs a moment later, JShell stops its thread. (On JDK 17
     * that stop throws ThreadDeath wherever the thread is, even inside the driver, which can leave a
     * connection half-read: so it comes last.) Code blocked elsewhere, such as a socket of its own or a
     * lock, ends when it next reaches snippet code or reacts to an interrupt.
     */
    @Override
    public void stop() throws EngineTerminationException, InternalException {
        if (!snippetRunning) {
            return;
        }
        stopped = true;
        database.cancelRunningQueries();
        long deadline = System.nanoTime() + CANCEL_GRACE.toNanos();
        while (snippetRunning && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (snippetRunning) {
            super.stop();
        }
    }
}
