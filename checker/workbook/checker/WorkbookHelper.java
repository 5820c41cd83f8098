package workbook.checker;

import java.time.Duration;
import java.util.List;
import workbook.WorkbookHome;
import workbook.cli.CommandRunner;
import workbook.cli.helper.HelperServer;
import workbook.cli.helper.ServedCommand;
import workbook.db.DbCommand;

/**
 * The checkout's helper process (README, "Under the hood"): a warm JVM that runs the commands a learner
 * repeats all evening, so they answer in a fraction of their own start-up. `check`, `hint`, `progress`
 * and `db status`/`db url` only: nothing that asks a question, watches files or changes the server.
 * Started by those commands' entry scripts when none answered, from their own class path; it stops after
 * WORKBOOK_HELPER_IDLE seconds without a command (600 by default).
 */
public final class WorkbookHelper {
    static final Duration DEFAULT_IDLE = Duration.ofMinutes(10);

    static final List<ServedCommand> COMMANDS = List.of(
            new ServedCommand("check", WorkbookHelper::check, args -> !args.contains("--watch") && !args.contains("--apply")),
            new ServedCommand("hint", HintCommand::new, args -> true),
            new ServedCommand("progress", ProgressCommand::new, args -> true),
            new ServedCommand("db", DbCommand::new, args -> !args.isEmpty() && List.of("status", "url").contains(args.get(0))));

    private WorkbookHelper() {
    }

    public static void main(String... args) throws Exception {
        String codeKey = System.getenv("WORKBOOK_CODE_KEY");
        if (codeKey == null || codeKey.isBlank()) {
            System.err.println("The workbook's helper is started by ./jbang's commands, not by hand.");
            System.exit(2);
        }
        HelperServer.serve(WorkbookHome.locate().root(), codeKey, COMMANDS, idle(), () -> warmUp(List.of(args)));
        System.exit(0);
    }

    private static CheckCommand check() {
        CheckCommand check = new CheckCommand();
        check.livesOn = true;
        return check;
    }

    private static Duration idle() {
        String seconds = System.getenv("WORKBOOK_HELPER_IDLE");
        try {
            return seconds == null || seconds.isBlank() ? DEFAULT_IDLE : Duration.ofSeconds(Math.max(1, Long.parseLong(seconds.strip())));
        } catch (NumberFormatException e) {
            return DEFAULT_IDLE;
        }
    }

    /**
     * Loads and initialises what the served commands need (command lines, task files, the driver) by running
     * what only reads (the helper discards its output), then rehearses the check that started it, if one did,
     * twice and without recording progress: the first commands served then run compiled code, not cold.
     *
     * @param started the command whose process started the helper, and its arguments
     */
    private static void warmUp(List<String> started) {
        CommandRunner.run("check", new CheckCommand(), "--help");
        CommandRunner.run("hint", new HintCommand(), "--help");
        CommandRunner.run("progress", new ProgressCommand());
        // not `db url` or `db status`: they start a stopped server, which nobody asked the helper to do
        CommandRunner.run("db", new DbCommand(), "--help");
        if (!started.isEmpty() && started.get(0).equals("check") && COMMANDS.get(0).serves().test(started.subList(1, started.size()))) {
            for (int i = 0; i < 2; i++) {
                CheckCommand rehearsal = check();
                rehearsal.recordsProgress = false;
                CommandRunner.run("check", rehearsal, started.subList(1, started.size()).toArray(String[]::new));
            }
        }
    }
}
