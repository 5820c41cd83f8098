package workbook.jshell;

import java.io.OutputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.spi.ExecutionControl;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import workbook.db.ConnectionInfo;
import workbook.jshell.JavaCellResult.Ending;

/**
 * One notebook's Java state: an in-process JShell (local execution engine, so snippet classes share the
 * host's classes: records, SqlObject interfaces and Jdbi work across cells) with {@code jdbi} and
 * {@code handle} bound to crm_db. Cells run one at a time; {@link #stop()} may be called from any thread.
 */
public final class JavaSession implements AutoCloseable {
    private final SessionDatabase database;
    private final WorkbookExecution engine = new WorkbookExecution();
    private final CompletableFuture<JShell> shell;
    private final ReentrantLock oneCellAtATime = new ReentrantLock();
    private final Map<String, Integer> snippetFirstLine = new HashMap<>();
    private volatile boolean running;
    private volatile boolean stopRequested;

    private JavaSession(SessionDatabase database) {
        this.database = database;
        // building JShell and compiling the bindings takes a few hundred ms: done while the learner reads
        this.shell = CompletableFuture.supplyAsync(this::startShell, runnable -> {
            Thread warmUp = new Thread(runnable, "jshell-warm-up-" + database.id());
            warmUp.setDaemon(true);
            warmUp.start();
        });
    }

    /** Connects to the database now (a wrong URL fails here) and starts JShell in the background. */
    public static JavaSession open(ConnectionInfo info) {
        return new JavaSession(SessionDatabase.open(info));
    }

    /** Whether JShell has started (or failed to): a cell run now does not wait for it. */
    public boolean started() {
        return shell.isDone();
    }

    /** The Jdbi cells see as {@code jdbi}. */
    public Jdbi jdbi() {
        return database.jdbi();
    }

    /** The handle cells see as {@code handle}. */
    public Handle handle() {
        return database.handle();
    }

    public ConnectionInfo connection() {
        return database.info();
    }

    /** Runs a cell, capturing what it prints. */
    public JavaCellResult run(String cellSource) {
        return run(cellSource, null);
    }

    /** Runs a cell; what it prints is also copied to {@code liveOutput} as it comes (null for none). */
    public JavaCellResult run(String cellSource, OutputStream liveOutput) {
        oneCellAtATime.lock();
        long start = System.nanoTime();
        OutputCapture.Sink sink = OutputCapture.begin(liveOutput);
        try {
            JShell jshell;
            try {
                jshell = ready();
            } catch (IllegalStateException e) {
                return new JavaCellResult(Ending.EXCEPTION, "", null, null, "error: " + e.getMessage(), 0, List.of(),
                        Duration.ofNanos(System.nanoTime() - start), List.of());
            }
            engine.control().beginCell();
            stopRequested = false;
            running = true;
            JavaCellEvaluation cell = new JavaCellEvaluation(jshell, engine.control(), cellSource, snippetFirstLine, () -> stopRequested);
            return cell.run(sink, start);
        } finally {
            running = false;
            OutputCapture.end();
            oneCellAtATime.unlock();
        }
    }

    /**
     * Whether {@code source} is whole Java as JShell's own prompt decides (its completeness analysis):
     * false while a statement, block or declaration is still open, so a prompt reads on.
     */
    public boolean complete(String source) {
        SourceCodeAnalysis analysis;
        try {
            analysis = ready().sourceCodeAnalysis();
        } catch (IllegalStateException e) {
            return true; // JShell did not start: running it says why
        }
        String rest = source;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (!info.completeness().isComplete()) {
                return info.completeness() == SourceCodeAnalysis.Completeness.EMPTY;
            }
            if (info.remaining().equals(rest)) {
                break; // nothing consumed (JShell cannot tell): running it shows what is wrong
            }
            rest = info.remaining();
        }
        return true;
    }

    /**
     * Stops the running cell, if any, from any thread: the session's database queries are cancelled
     * first, then the snippet thread is stopped if it still runs (see {@link CapturingExecutionControl#stop()}).
     * A loop, a sleep or a long query ends within about half a second; the cell reports STOPPED.
     */
    public void stop() {
        if (!running) {
            return;
        }
        stopRequested = true;
        CapturingExecutionControl control = engine.control();
        if (control != null) {
            try {
                control.stopCell();
            } catch (ExecutionControl.ExecutionControlException e) {
                // the engine is gone (session closing): nothing runs any more
            }
        }
    }

    @Override
    public void close() {
        stop();
        shell.thenAccept(JShell::close);
        database.close();
    }

    private JShell ready() {
        try {
            return shell.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while JShell was starting", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Java cells cannot run: JShell did not start (" + e.getCause().getMessage() + ")", e.getCause());
        }
    }

    /**
     * Runs one query on a connection of its own, so Jdbi's statement classes (and the JFR events they
     * declare) are initialised here: a stop that hit a cell while it initialised them would break them
     * for the whole JVM, and the first cell is faster too.
     */
    private void warmUpJdbi() {
        try {
            database.jdbi().useHandle(h -> h.createQuery("select 1").mapTo(Integer.class).one());
        } catch (RuntimeException e) {
            // the first cell that touches the database will report what is wrong, in its own words
        }
    }

    private JShell startShell() {
        JShell jshell = JShell.builder()
                .executionEngine(engine, Map.of(WorkbookExecution.SESSION, String.valueOf(database.id())))
                // the same flags as JBang and the POM, so Jdbi maps records by parameter name in cells too
                .compilerOptions("-parameters", "-g")
                .build();
        jshell.addToClasspath(ClassPath.forSnippets());
        warmUpJdbi();
        for (String snippet : StartupSnippets.forSession(database.id())) {
            for (SnippetEvent event : jshell.eval(snippet)) {
                if (event.causeSnippet() == null && (!event.status().isDefined() || event.exception() != null)) {
                    String why = jshell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).findFirst()
                            .orElse(event.exception() == null ? event.status().toString() : event.exception().getMessage());
                    throw new IllegalStateException("startup snippet `" + snippet + "` failed: " + why);
                }
            }
        }
        warmUpCompiler(jshell);
        return jshell;
    }

    /**
     * Compiles and runs one throwaway cell of the lesson's kind (a lambda, Jdbi's fluent API) and drops
     * it, so javac's first-use costs are paid while the learner reads. A block statement on a connection
     * of its own: it leaves no $ variable behind and never touches {@code handle}, which the notebook's
     * thread may be using meanwhile.
     */
    private static void warmUpCompiler(JShell jshell) {
        for (SnippetEvent event : jshell.eval("{ jdbi.withHandle(h -> h.createQuery(\"select 1\").mapTo(Integer.class).list()); }")) {
            if (event.causeSnippet() == null) {
                jshell.drop(event.snippet());
            }
        }
    }
}
