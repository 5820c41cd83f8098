package workbook.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import workbook.db.ServerProvider;
import workbook.db.RunningServer;
import workbook.notebook.CellOutput.Outcome;

/**
 * Runs `server` cells, what a durability demo needs: `restart` stops the learner's server cleanly (a
 * shutdown checkpoint) and starts it again; `crash` kills it as a power cut would and starts it again, then
 * shows what the server logged while it replayed its write-ahead log. Both reconnect the notebook's
 * sessions. A server reached by URL is not the workbook's to stop, so there the cell says so and only
 * reconnects.
 */
public final class ServerCellKind implements CellKind {
    /** The lines of a start that tell a crash recovery from a clean start. */
    private static final Pattern RECOVERY = Pattern.compile(
            "database system was (interrupted|not properly shut down|shut down)|automatic recovery|redo (starts|done)|invalid record length|ready to accept connections");

    private final Supplier<ServerProvider> chosen;

    /** @param chosen the provider the notebook runs on, asked for only when a server cell runs */
    public ServerCellKind(Supplier<ServerProvider> chosen) {
        this.chosen = chosen;
    }

    @Override
    public String language() {
        return "server";
    }

    @Override
    public CellOutput run(CodeCell cell, NotebookContext context) {
        String command = cell.source().strip();
        if (!command.equals("restart") && !command.equals("crash")) {
            return CellOutput.of(Outcome.FAILED, new Output.Error("workbook",
                    "A server cell knows two commands, `restart` and `crash`, not `" + command + "`", List.of()));
        }
        ServerProvider server = chosen.get();
        List<Output> outputs = new ArrayList<>();
        int sessions = 1 + context.sessions().extra();
        if (server.provider().equals("url")) {
            outputs.add(new Output.Note(server.name() + " is not the workbook's to stop (you gave its URL), so it keeps running;"
                    + " the notebook only reconnects. Restart it yourself to see the same."));
            context.sessions().reopen(context.database().connection());
        } else {
            outputs.add(new Output.Printed(command.equals("crash") ? server.crash() : server.stop()));
            RunningServer again = server.up();
            outputs.add(new Output.Printed("Started again: " + again.description() + "."));
            List<String> log = server.startLog().stream().filter(line -> RECOVERY.matcher(line).find()).toList();
            if (!log.isEmpty()) {
                outputs.add(new Output.Printed("What the server logged as it started:\n" + String.join("\n", log)));
            }
            context.sessions().reopen(again.connection());
        }
        outputs.add(Output.Result.plain("Reconnected: " + sessions + (sessions == 1 ? " session" : " sessions")
                + " closed, the main one opened again; others reopen when a cell uses them."));
        return new CellOutput(Outcome.OK, outputs);
    }
}
