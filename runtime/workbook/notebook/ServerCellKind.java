package workbook.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import workbook.db.ServerProvider;
import workbook.db.RunningServer;
import workbook.notebook.CellOutput.Outcome;

/**
 * Runs `server` cells: `restart` stops the learner's server and starts it again through its provider
 * (what a durability demo needs), then reconnects the notebook's sessions. A server reached by URL is
 * not the workbook's to stop, so there the cell says so and only reconnects.
 */
public final class ServerCellKind implements CellKind {
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
        if (!command.equals("restart")) {
            return CellOutput.of(Outcome.FAILED, new Output.Error("workbook",
                    "A server cell knows one command, `restart`, not `" + command + "`", List.of()));
        }
        ServerProvider server = chosen.get();
        List<Output> outputs = new ArrayList<>();
        int sessions = 1 + context.sessions().extra();
        if (server.provider().equals("url")) {
            outputs.add(new Output.Note(server.name() + " is not the workbook's to stop (you gave its URL), so it keeps running;"
                    + " the notebook only reconnects. Restart it yourself to see the same."));
            context.sessions().reopen(context.database().connection());
        } else {
            outputs.add(new Output.Printed(server.stop()));
            RunningServer again = server.up();
            outputs.add(new Output.Printed("Started again: " + again.description() + "."));
            context.sessions().reopen(again.connection());
        }
        outputs.add(Output.Result.plain("Reconnected: " + sessions + (sessions == 1 ? " session" : " sessions")
                + " closed, the main one opened again; others reopen when a cell uses them."));
        return new CellOutput(Outcome.OK, outputs);
    }
}
