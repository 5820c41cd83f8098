package workbook.notebook;

import java.nio.file.Path;
import java.sql.Connection;
import workbook.WorkbookHome;
import workbook.db.RunningDatabase;

/**
 * What a running cell may use: the learner's live database (and the one JDBC connection on crm_db that
 * every SQL cell shares), the workbook's checkout, and the notebook file being run.
 */
public record NotebookContext(WorkbookHome home, RunningDatabase database, Connection connection, Path notebookFile) {
}
