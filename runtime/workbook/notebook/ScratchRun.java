package workbook.notebook;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import workbook.WorkbookHome;
import workbook.db.ConnectionInfo;
import workbook.db.RunningServer;
import workbook.db.ServerAdmin;
import workbook.db.UrlServer;
import workbook.terminal.TerminalWidth;

/**
 * Runs a notebook from its first cell to its last, without questions and without printing, on scratch
 * databases of its own beside crm_db: one for the cells that would use crm_db, one per `database=` a cell
 * names. All are dropped on close, so the learner's crm_db and lab databases are never touched. A
 * `server restart` cell only reconnects, as on a server given by URL: a check must not stop the learner's server.
 */
public final class ScratchRun implements AutoCloseable {
    private static final String PREFIX = "wb_nbrun_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CellKinds kinds = new CellKinds();
    private final List<ConnectionInfo> made = new ArrayList<>();
    // Ctrl-C skips close(): the scratch databases still go
    private final Thread dropOnExit = new Thread(this::dropAll, "drop the notebook's scratch databases");
    private UrlServer scratchServer;

    /** @param extra kinds from outside the runtime (the checker's `check`), as the lesson entry script adds them */
    public ScratchRun(List<CellKind> extra) {
        kinds.register(new SqlCellKind(TerminalWidth.forTables(0)));
        kinds.register(new JavaCellKind());
        kinds.register(new ServerCellKind(() -> scratchServer));
        extra.forEach(kinds::register);
    }

    /** The fence languages that make code cells in this run, for {@link NotebookParser}. */
    public Set<String> languages() {
        return kinds.languages();
    }

    /** Runs every step of {@code notebook} (read from {@code file}) on scratch copies on {@code live}'s server. */
    public RunResults run(WorkbookHome home, Path file, Notebook notebook, RunningServer live) {
        // the name says when it was made, so one left by a killed run can be told from a learner's database
        String main = PREFIX + System.currentTimeMillis() / 1000 + "_" + Integer.toHexString(RANDOM.nextInt(1 << 20));
        ConnectionInfo scratch = live.connection().withDatabase(main);
        if (made.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(dropOnExit);
        }
        made.add(scratch);
        ServerAdmin.ensureDatabase(scratch);
        scratchServer = new UrlServer(scratch.jdbcUrl() + "?user=" + encode(scratch.user()) + "&password=" + encode(scratch.password()));
        Notebook onScratch = withScratchDatabases(notebook, main, live.connection());
        RunningServer db = new RunningServer(scratch, "url", "a scratch database " + main + " on " + live.description());
        RunResults results = new RunResults(onScratch);
        try (NotebookSessions sessions = new NotebookSessions(scratch, NotebookSessions.connect(scratch))) {
            CellRunner runner = new CellRunner(kinds, new NotebookContext(home, db, sessions, file), Placeholders.of(db));
            runner.prepare(onScratch);
            for (CodeCell step : onScratch.steps()) {
                results.record(runner.run(step));
            }
        }
        return results;
    }

    /** The notebook with each `database=NAME` renamed to a scratch database of this run (remembered, to drop). */
    private Notebook withScratchDatabases(Notebook notebook, String main, ConnectionInfo server) {
        Map<String, String> renamed = new LinkedHashMap<>();
        List<Cell> cells = new ArrayList<>();
        for (Cell cell : notebook.cells()) {
            if (cell instanceof CodeCell code && code.attributes().containsKey("database")) {
                String name = renamed.computeIfAbsent(code.attributes().get("database"), lab -> {
                    String scratch = (main + "_" + lab);
                    scratch = scratch.substring(0, Math.min(63, scratch.length()));
                    made.add(server.withDatabase(scratch));
                    return scratch;
                });
                Map<String, String> attributes = new LinkedHashMap<>(code.attributes());
                attributes.put("database", name);
                cells.add(code.withAttributes(attributes));
            } else {
                cells.add(cell);
            }
        }
        return new Notebook(notebook.name(), notebook.title(), cells);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Stops the kinds' state (the JShell) and drops every scratch database this run made. */
    @Override
    public void close() {
        kinds.close();
        dropAll();
        try {
            Runtime.getRuntime().removeShutdownHook(dropOnExit);
        } catch (IllegalStateException | IllegalArgumentException notNeeded) {
            // the JVM is exiting already (the hook runs), or no run registered it
        }
    }

    private synchronized void dropAll() {
        for (ConnectionInfo db : made) {
            try {
                ServerAdmin.dropDatabase(db);
            } catch (RuntimeException e) {
                // a leftover is named by its time (wb_nbrun_...); nothing of the learner's is in it
            }
        }
        made.clear();
    }
}
