package workbook.db;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

    @Option(names = "--clean", description = "Remove what check and grade keep in the server besides crm_db (wb_* databases and roles); never crm_db or a lab's database.")
    boolean clean;

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
        WorkbookLeftovers kept = WorkbookLeftovers.read(running.get());
        if (!kept.labDatabases().isEmpty()) {
            console.line(lines.label("labs") + String.join(", ", kept.labDatabases()) + " (your lab work; a lab says how to drop its database)");
        }
        if (clean && !kept.isEmpty()) {
            List<String> left = WorkbookLeftovers.clean(running.get(), kept);
            console.line(lines.label("workbook") + "removed " + kept.databases().size() + " databases and " + (kept.roles().size() - left.size()) + " roles"
                    + (left.isEmpty() ? "" : "; kept " + String.join(", ", left) + ", which still own objects"));
        } else if (!kept.isEmpty()) {
            console.line(lines.label("workbook") + describe(kept) + "; `./jbang db status --clean` removes them (check makes what it needs again)");
        }
        return ExitCode.OK;
    }

    /** "7 databases of check's reference states (wb_*, 61 MB), roles wb_learner" */
    static String describe(WorkbookLeftovers kept) {
        String databases = kept.databases().isEmpty() ? ""
                : kept.databases().size() + (kept.databases().size() == 1 ? " database" : " databases") + " kept to make check fast (wb_*, "
                + (kept.bytes() + 512 * 1024) / (1024 * 1024) + " MB)";
        String roles = kept.roles().isEmpty() ? "" : (kept.roles().size() == 1 ? "the role " : "the roles ") + String.join(", ", kept.roles())
                + " that run exercise files";
        return databases + (databases.isEmpty() || roles.isEmpty() ? "" : ", ") + roles;
    }

    /** "attached to ..." becomes "Attached to ...". */
    static String sentence(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }
}
