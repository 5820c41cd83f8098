package workbook.db;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import workbook.ExitCode;
import workbook.terminal.Console;

/** `db down`: stops the server and keeps the data; with --purge removes the container or data folder too. */
@Command(name = "down", mixinStandardHelpOptions = true, header = "Stop the lesson's PostgreSQL; your data stays (unless --purge).")
public class DbDown implements Callable<Integer> {
    @ParentCommand
    DbCommand parent;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--purge", description = "Also remove the Docker container or the embedded data folder, with all lesson data (asks first).")
    boolean purge;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation (with --purge).")
    boolean yes;

    @Override
    public Integer call() {
        LiveDatabase.Choice choice = LiveDatabase.choose(database, parent.settings());
        if (!purge) {
            Console.system().ok(choice.server().stop());
            return ExitCode.OK;
        }
        String what = "This removes " + choice.server().name() + " with all the lesson's tables and rows in it.";
        if (!Confirmation.confirmed(what, yes, "db down --purge")) {
            Console.system().note("Nothing changed.");
            return ExitCode.OK;
        }
        Console.system().ok(choice.server().purge());
        return ExitCode.OK;
    }
}
