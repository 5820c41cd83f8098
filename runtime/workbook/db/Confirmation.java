package workbook.db;

import java.io.Console;
import java.util.Locale;
import workbook.UserError;

/**
 * Asks before a command changes or deletes the learner's data. With no terminal to ask on (a script, CI) it
 * refuses unless --yes was given, so nothing is ever deleted by accident.
 */
public final class Confirmation {
    private Confirmation() {
    }

    /** True when the user said yes (or passed --yes); throws a one-line error when there is no one to ask. */
    public static boolean confirmed(String what, boolean yes, String command) {
        if (yes) {
            return true;
        }
        Console terminal = System.console();
        if (terminal == null) {
            throw UserError.badInput(what + " Run `" + command + " --yes` to confirm (there is no terminal here to ask on).");
        }
        String answer = terminal.readLine("%s Type yes to go on: ", what);
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes");
    }
}
