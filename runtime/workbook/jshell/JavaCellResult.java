package workbook.jshell;

import java.time.Duration;
import java.util.List;

/**
 * What running one Java cell gave: the text it printed, the value of its last expression as a notebook shows
 * it, and, when it failed, why (compile error, exception, unresolved reference or stopped), already worded.
 *
 * @param outcome    how the cell ended
 * @param output     everything the cell printed to System.out and System.err, in order ("" if nothing)
 * @param value      the last expression's value as displayed ("42", "[User[...],\n User[...]]"), or null
 *                   when the cell ends in a declaration or a statement, or failed
 * @param valueName  the JShell variable holding that value ("$3" or "users"), or null
 * @param error      the failure, several lines, naming the cell's line; null when the outcome is OK
 * @param errorLine  the cell's line (from 1) the failure points at, or 0 when there is none
 * @param declared   what the cell declared, as JShell words it ("record User", "interface UserDao",
 *                   "variable dao"), prefixed with "replaced " when it redefined an earlier one
 * @param elapsed    wall-clock time of the cell
 * @param updates    what a redefinition did to earlier cells' declarations, one sentence each ("variable
 *                   dao reset to null: its type changed, run its cell again", "interface UserDao no longer
 *                   compiles after this change"); JShell's "update modified ..." lines
 */
public record JavaCellResult(Ending ending, String output, String value, String valueName, String error,
                             int errorLine, List<String> declared, Duration elapsed, List<String> updates) {

    /** How a cell ended. Evaluation stops at the first snippet that does not end OK. */
    public enum Ending {
        OK,
        /** javac rejected a snippet; nothing after it ran. */
        COMPILE_ERROR,
        /** A snippet threw. */
        EXCEPTION,
        /** A declaration or call refers to something not declared (yet). */
        UNRESOLVED,
        /** {@link JavaSession#stop()} interrupted it. */
        STOPPED
    }

    public boolean ok() {
        return ending == Ending.OK;
    }

    public boolean hasValue() {
        return value != null;
    }

    /**
     * What a plain-text notebook prints under the cell: output, the updates (JShell's "|  " feedback
     * style), the value, then the error.
     */
    public String display() {
        StringBuilder text = new StringBuilder(output);
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
        for (String update : updates) {
            text.append("|  ").append(update).append('\n');
        }
        if (value != null) {
            text.append(value).append('\n');
        }
        if (error != null) {
            text.append(error).append('\n');
        }
        return text.toString();
    }
}
