package workbook.notebook;

import java.nio.file.Path;
import java.sql.Connection;
import workbook.WorkbookHome;
import workbook.db.RunningServer;

/**
 * What a running cell may use: the learner's live database, the notebook's connections to it (the one
 * on crm_db that every SQL cell shares, and those `session=` and `database=` ask for), the workbook's
 * checkout, and the notebook file being run.
 */
public record NotebookContext(WorkbookHome home, RunningServer database, NotebookSessions sessions, Path notebookFile) {

    /** A context whose only connection is {@code connection} on crm_db (cells with session= open more). */
    public NotebookContext(WorkbookHome home, RunningServer database, Connection connection, Path notebookFile) {
        this(home, database, new NotebookSessions(database.connection(), connection), notebookFile);
    }

    /** The connection on crm_db that every SQL cell without session= or database= shares. */
    public Connection connection() {
        return sessions.main();
    }

    /** The connection this SQL cell runs on. */
    public Connection connectionFor(CodeCell cell) {
        return sessions.forCell(cell);
    }
}
