package workbook.notebook;

import java.nio.file.Path;
import java.util.function.Supplier;
import workbook.WorkbookHome;
import workbook.db.RunningServer;

/**
 * The database one lesson run works on, reached once, when first asked for: the server chosen and started
 * or attached to, then the notebook's connections opened. The walk asks after its first screen is shown
 * (its prose needs no database unless it names one with a placeholder); --run-all and --export at once.
 */
final class LessonDatabase implements AutoCloseable {
    private final WorkbookHome home;
    private final Path notebookFile;
    private final Supplier<RunningServer> up;
    private RunningServer server;
    private NotebookSessions sessions;
    private NotebookContext context;

    /** @param up starts or attaches to the server (may show progress, or throw a UserError) */
    LessonDatabase(WorkbookHome home, Path notebookFile, Supplier<RunningServer> up) {
        this.home = home;
        this.notebookFile = notebookFile;
        this.up = up;
    }

    synchronized RunningServer server() {
        if (server == null) {
            server = up.get();
        }
        return server;
    }

    /** What cells run with: the server, and the notebook's connections to it, the main one opened now. */
    synchronized NotebookContext context() {
        if (context == null) {
            RunningServer db = server();
            sessions = new NotebookSessions(db.connection(), NotebookSessions.connect(db.connection()));
            context = new NotebookContext(home, db, sessions, notebookFile);
        }
        return context;
    }

    @Override
    public synchronized void close() {
        if (sessions != null) {
            sessions.close();
        }
    }
}
