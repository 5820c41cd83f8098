package workbook.jshell;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import workbook.WorkbookHome;
import workbook.db.DatabaseOptions;
import workbook.db.LiveDatabase;
import workbook.db.RunningServer;
import workbook.terminal.Console;

/** `./jbang repl`: JShell with jdbi and handle bound to the lesson's live database. */
@Command(name = "repl", mixinStandardHelpOptions = true,
        header = "An interactive JShell with jdbi and handle bound to the lesson's live database.",
        description = {
            "Opens the real JShell (history, tab completion, /help) on crm_db: `jdbi` is a Jdbi with the SqlObject "
                + "and Postgres plugins installed, `handle` an open Handle, and Jdbi, java.util and java.time are "
                + "imported. Ctrl-C stops a running snippet or query; /exit leaves.",
            "",
            "Try:  handle.createQuery(\"select count(*) from users\").mapTo(Long.class).one()"})
public class ReplCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws Exception {
        RunningServer db = LiveDatabase.ensureUp(database);
        try (InteractiveShell shell = InteractiveShell.connect(db.connection())
                .keepingSettingsIn(WorkbookHome.locate().stateDir().resolve("repl").resolve("jshell.properties"))
                .verbose(database.verbose())) {
            Console console = Console.system();
            console.line(console.style(Console.Style.BOLD, "JShell on " + db.connection().database() + " at "
                    + db.connection().host() + ":" + db.connection().port() + " (" + db.provider() + ")")
                    + ": jdbi and handle are ready; /exit to leave.");
            return shell.run();
        }
    }
}
