package workbook.notebook;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import workbook.WorkbookHome;
import workbook.db.DatabaseSettings;
import workbook.db.RunningServer;
import workbook.db.ScratchServer;
import workbook.terminal.TerminalWidth;

/**
 * Runs a notebook from its first cell to its last, without questions and without printing, on a
 * PostgreSQL of its own ({@link ScratchServer}, as `--export` does): crm_db and every `database=` a cell
 * names are made fresh there, and a `server` cell restarts or crashes that server, never the learner's.
 * The server and its data are gone when the run ends, also on Ctrl-C; one a killed run left is swept by
 * the next.
 */
public final class ScratchRun implements AutoCloseable {
    private final CellKinds kinds = new CellKinds();
    private ScratchServer server;

    /** @param extra kinds from outside the runtime (the checker's `check`), as the lesson entry script adds them */
    public ScratchRun(List<CellKind> extra) {
        kinds.register(new SqlCellKind(TerminalWidth.forTables(0)));
        kinds.register(new JavaCellKind());
        kinds.register(new ServerCellKind(() -> server.provider()));
        extra.forEach(kinds::register);
    }

    /** The fence languages that make code cells in this run, for {@link NotebookParser}. */
    public Set<String> languages() {
        return kinds.languages();
    }

    /** Runs every step of {@code notebook} (read from {@code file}) on a fresh server of its own. */
    public RunResults run(WorkbookHome home, Path file, Notebook notebook) {
        closeServer();
        server = ScratchServer.start(DatabaseSettings.fromEnvironment());
        RunningServer db = server.running();
        RunResults results = new RunResults(notebook);
        try (NotebookSessions sessions = new NotebookSessions(db.connection(), NotebookSessions.connect(db.connection()))) {
            CellRunner runner = new CellRunner(kinds, new NotebookContext(home, db, sessions, file), Placeholders.forExport());
            runner.prepare(notebook);
            for (CodeCell step : notebook.steps()) {
                results.record(runner.run(step));
            }
        }
        return results;
    }

    /** Stops the kinds' state (the JShell) and the scratch server, deleting its data. */
    @Override
    public void close() {
        kinds.close();
        closeServer();
    }

    private void closeServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
