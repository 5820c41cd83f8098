package workbook.db;

import java.util.concurrent.Callable;
import org.jdbi.v3.core.JdbiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import workbook.ExitCode;
import workbook.UserError;
import workbook.sql.ExceptionText;
import workbook.terminal.Console;

/** `db reset`: a fresh, empty crm_db on the same server (the only command that deletes the learner's tables). */
@Command(name = "reset", mixinStandardHelpOptions = true, header = "Drop crm_db with all its tables and rows, and create it empty (asks first).")
public class DbReset implements Callable<Integer> {
    @ParentCommand
    DbCommand parent;

    @Mixin
    DatabaseOptions database;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Override
    public Integer call() {
        LiveDatabase.Choice choice = LiveDatabase.choose(database, parent.settings());
        String what = "This deletes every table and row in crm_db on " + choice.server().name() + " and creates it empty.";
        if (!Confirmation.confirmed(what, yes, "db reset")) {
            Console.system().note("Nothing changed.");
            return ExitCode.OK;
        }
        RunningServer db = choice.server().up();
        try {
            ServerAdmin.recreateDatabase(db.connection());
        } catch (JdbiException e) {
            // typically a URL server where the user may not drop or create databases
            throw UserError.environment("Could not recreate " + db.connection().database() + " on " + choice.server().name() + ": "
                    + ExceptionText.causeLine(e), e);
        }
        Console.system().ok(db.connection().database() + " is fresh and empty (owner " + db.connection().user() + ", " + choice.server().name() + ").");
        return ExitCode.OK;
    }
}
