package workbook.notebook;

import workbook.UserError;
import workbook.db.ConnectionInfo;
import workbook.db.ServerAdmin;
import workbook.sql.ExceptionText;

/**
 * A lab's own database beside crm_db on the learner's server (`database=crm_lab_indexes`), created on
 * first use and kept: its tables are the lab's to drop and refill, while crm_db stays untouched.
 */
final class LabDatabase {
    private LabDatabase() {
    }

    static void ensure(ConnectionInfo server, String name) {
        try {
            ServerAdmin.ensureDatabase(server.withDatabase(name));
        } catch (RuntimeException e) {
            throw UserError.environment("Cannot create the lab's database " + name + " on the server: " + ExceptionText.causeLine(e)
                    + " (on a server you gave with --url, " + server.user() + " needs CREATEDB).", e);
        }
    }
}
