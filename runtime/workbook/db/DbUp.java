package workbook.db;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import workbook.ExitCode;
import workbook.terminal.Console;

/** `db up`: starts the lesson's PostgreSQL or attaches to it, then says how to reach it. */
@Command(name = "up", mixinStandardHelpOptions = true, header = "Start the lesson's PostgreSQL (or attach to it) and show how to connect.")
public class DbUp implements Callable<Integer> {
    @ParentCommand
    DbCommand parent;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        RunningServer db = LiveDatabase.ensureUp(database, parent.settings());
        Console console = Console.system();
        console.ok(DbStatus.sentence(db.description()));
        new ConnectionLines(console).print(db.connection(), db.provider());
        if (db.provider().equals("url") && System.getenv("WORKBOOK_DB_URL") == null) {
            console.info("Other commands use this server too when you export WORKBOOK_DB_URL=<the URL> in this shell.");
        }
        return ExitCode.OK;
    }
}
