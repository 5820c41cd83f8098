package workbook.db;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import workbook.ExitCode;
import workbook.terminal.Console;

/** `db url`: just the JDBC URL on stdout (starting the server if needed), for scripts and `| pbcopy`. */
@Command(name = "url", mixinStandardHelpOptions = true, header = "Print the JDBC URL of crm_db (and nothing else) on stdout.")
public class DbUrl implements Callable<Integer> {
    @ParentCommand
    DbCommand parent;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        // data for a pipe or a paste, not a line to read: never wrapped, or a long URL would come out in pieces
        Console.system().out().println(LiveDatabase.ensureUp(database, parent.settings()).connection().jdbcUrl());
        return ExitCode.OK;
    }
}
