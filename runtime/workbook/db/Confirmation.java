package workbook.db;

import java.io.Console;
import java.util.List;
import java.util.Locale;
import workbook.UserError;
import workbook.terminal.WordWrap;

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
        // wrapped between words like every line the workbook prints; the answer is typed after the last line
        List<String> question = WordWrap.lines(what + " Type yes to go on:", workbook.terminal.Console.system().width());
        question.subList(0, question.size() - 1).forEach(terminal.writer()::println);
        String answer = terminal.readLine("%s ", question.get(question.size() - 1));
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes");
    }
}
