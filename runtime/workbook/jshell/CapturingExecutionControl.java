package workbook.jshell;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import jdk.jshell.execution.LocalExecutionControl;

/**
 * JShell's local execution engine, keeping the live objects JShell itself turns into strings (the value of
 * a variable, so a list of records can be shown one per line; the exception a snippet threw, so its cause
 * chain and SQL details survive), and stopping a snippet by cancelling its database query first.
 */
final class CapturingExecutionControl extends LocalExecutionControl {
    /** How long a cancelled query gets to end the snippet before a snippet not in JDBC is stopped outright. */
    private static final Duration CANCEL_GRACE = Duration.ofMillis(300);
    private static final Duration CANCEL_EVERY = Duration.ofMillis(100);
    /** After this the snippet thread is stopped even inside the driver: a stuck cell is worse. */
    private static final Duration LAST_RESORT = Duration.ofSeconds(3);
    /** How long a snippet's thread waits for JShell's to join it (see {@link #invoke(Method)}). */
    private static final Duration JOIN_WAIT_LIMIT = Duration.ofSeconds(1);
    private static final Method RUN_WHEN_JOINED = runWhenJoined();

    private final SessionDatabase database;
    private final boolean shortSqlErrors;
    private volatile boolean snippetRunning;
    private volatile boolean stopped;
    private volatile Object lastValue;
    private volatile Throwable lastThrown;
    private volatile SnippetMarker marker;
    private volatile boolean stopPending;

    CapturingExecutionControl(SessionDatabase database, boolean shortSqlErrors) {
        this.database = database;
        this.shortSqlErrors = shortSqlErrors;
    }

    /** A new cell: an earlier stop no longer applies. */
    void beginCell() {
        stopPending = false;
        reset();
    }

    /**
     * Stops the cell whether its snippet runs yet or is still being compiled: a snippet about to start
     * does not, so a stop pressed during a slow compile is not lost.
     */
    void stopCell() throws EngineTerminationException, InternalException {
        stopPending = true;
        stopped = true;
        stop();
    }

    /** Clears what the previous snippet left. */
    void reset() {
        lastValue = null;
        lastThrown = null;
        stopped = stopPending;
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
        UserException shortForm = shortSqlErrors ? SqlErrorReport.of(cause) : null;
        if (shortForm != null) {
            throw shortForm;
        }
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
     * Runs a snippet with a context class loader of this engine's own, which the snippet thread JShell
     * starts inherits: {@link #stop()} finds that thread by it, to see whether it waits on the database.
     */
    @Override
    public String invoke(String className, String methodName)
            throws RunException, EngineTerminationException, InternalException {
        if (stopPending) {
            throw new StoppedException();
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(marker(previous));
        try {
            return super.invoke(className, methodName);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * JShell starts the snippet's thread, then joins every thread of its group it counts right after:
     * a thread the snippet starts before that count (an HttpClient's selector, a pool, a timer) is joined
     * too, and the cell waits for it to end, for ever if it never does (one run in a dozen here). So the
     * snippet's thread first waits until JShell's thread is in its join, then runs the snippet; the cell
     * ends when the snippet does, as in JShell's own remote engine.
     */
    @Override
    protected String invoke(Method doitMethod) throws Exception {
        marker.hold(doitMethod, Thread.currentThread());
        return super.invoke(RUN_WHEN_JOINED);
    }

    private static Method runWhenJoined() {
        try {
            Method method = CapturingExecutionControl.class.getDeclaredMethod("runHeldSnippet");
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** On the snippet's thread: what {@link #invoke(Method)} held, once JShell's thread waits for this one. */
    private static Object runHeldSnippet() throws Throwable {
        SnippetMarker marker = (SnippetMarker) Thread.currentThread().getContextClassLoader();
        Thread invoker = marker.invoker;
        long giveUp = System.nanoTime() + JOIN_WAIT_LIMIT.toNanos();
        // bounded in case a later JDK never waits this way: then the snippet runs as JShell would run it
        while (invoker.isAlive() && !waiting(invoker.getState()) && System.nanoTime() < giveUp) {
            Thread.yield();
        }
        try {
            return marker.snippet.invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static boolean waiting(Thread.State state) {
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    /**
     * Stops the running snippet. While its thread waits in the PostgreSQL driver, the server is asked every
     * 100 ms to cancel the session's queries, which ends a JDBC call cleanly. Otherwise (a loop, a sleep),
     * or when that has not worked within {@link #LAST_RESORT}, JShell stops the thread itself: on JDK 17
     * that throws ThreadDeath wherever the thread is, even inside the driver, where it could leave a
     * connection half-read; hence the order. Code blocked elsewhere (a socket of its own, a lock) ends
     * when it next reaches snippet code or reacts to an interrupt.
     */
    @Override
    public void stop() throws EngineTerminationException, InternalException {
        if (!snippetRunning) {
            return;
        }
        stopped = true;
        long start = System.nanoTime();
        long lastCancel = 0;
        boolean threadStopped = false;
        // after JShell's stop too: on JDK 21+ it only interrupts and stops snippet code, so a thread that
        // has just entered Jdbi on its way to the driver still needs the server's cancel
        while (snippetRunning && System.nanoTime() - start < LAST_RESORT.toNanos()) {
            long now = System.nanoTime();
            if (now - lastCancel >= CANCEL_EVERY.toNanos()) {
                database.cancelRunningQueries();
                lastCancel = now;
            }
            if (!threadStopped && now - start >= CANCEL_GRACE.toNanos() && !snippetWaitsOnDatabase()) {
                super.stop();
                threadStopped = true;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (snippetRunning && !threadStopped) {
            super.stop();
        }
    }

    private boolean snippetWaitsOnDatabase() {
        ClassLoader marker = this.marker;
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            if (marker != null && thread.getKey().getContextClassLoader() == marker) {
                for (StackTraceElement frame : thread.getValue()) {
                    if (frame.getClassName().startsWith("org.postgresql.")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private ClassLoader marker(ClassLoader parent) {
        SnippetMarker current = marker;
        if (current == null || current.getParent() != parent) {
            current = new SnippetMarker(parent);
            marker = current;
        }
        return current;
    }

    /**
     * The snippet thread's context class loader: marks the thread for {@link #stop()}, and hands it the
     * snippet {@link #invoke(Method)} holds (one cell runs at a time per engine).
     */
    private static final class SnippetMarker extends ClassLoader {
        volatile Method snippet;
        volatile Thread invoker;

        SnippetMarker(ClassLoader parent) {
            super("workbook-snippets", parent);
        }

        void hold(Method snippet, Thread invoker) {
            this.snippet = snippet;
            this.invoker = invoker;
        }
    }
}
