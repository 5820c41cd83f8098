package workbook.db;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import workbook.ExitCode;
import workbook.terminal.Console;

/** `db status`: which provider and why, where to connect, whether the server answers, and the lesson's state. Starts nothing. */
@Command(name = "status", mixinStandardHelpOptions = true,
        header = "Show the provider (and why), the JDBC URL, a psql line, whether the server answers and the lesson's state.",
        description = "Starts nothing. Exit code 0 when the server answers, 3 when it does not.")
public class DbStatus implements Callable<Integer> {
    @ParentCommand
    DbCommand parent;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        Console console = Console.system();
        ConnectionLines lines = new ConnectionLines(console);
        LiveDatabase.Choice choice = LiveDatabase.choose(database, parent.settings());
        console.line(lines.label("provider") + choice.server().provider() + " — " + choice.reason());
        Optional<ConnectionInfo> running = choice.server().running();
        ConnectionInfo where = running.orElseGet(() -> choice.server().expected());
        lines.print(where, choice.server().provider());
        if (running.isEmpty()) {
            console.line(lines.label("server") + console.style(Console.Style.RED, "✗") + " not answering; start it with `./jbang db up`");
            return ExitCode.ENVIRONMENT;
        }
        console.line(lines.label("server") + console.style(Console.Style.GREEN, "✓") + " answers (" + choice.server().name() + ")");
        console.line(lines.label("lesson") + ServerAdmin.lessonState(running.get()).describe());
        return ExitCode.OK;
    }

    /** "attached to ..." becomes "Attached to ...". */
    static String sentence(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }
}
