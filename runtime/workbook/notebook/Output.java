package workbook.notebook;

import java.util.List;

/** One piece of what a cell showed; exports map each kind to its nearest Jupyter output type. */
public sealed interface Output {

    /** Text the code printed (System.out of a Java cell). Jupyter: a stdout stream. */
    record Printed(String text) implements Output {
    }

    /**
     * A result: a table of rows, a command tag, the value of a Java expression. Jupyter: an
     * execute_result with text/plain, and text/html when {@code html} is not null (tables).
     */
    record Result(String text, String html) implements Output {
        public static Result plain(String text) {
            return new Result(text, null);
        }
    }

    /**
     * An error as the learner should read it: a name (SQLSTATE or exception type), the message, and
     * detail lines (PostgreSQL's detail, position, the lesson's hint). Jupyter: an error output.
     */
    record Error(String name, String message, List<String> details) implements Output {
        public Error {
            details = List.copyOf(details);
        }
    }

    /**
     * What a Java cell declared, in JShell's words ("|  created variable carolId : UUID"): shown in the
     * terminal, where a learner who later opens the repl recognises them; left out of exports, where
     * they are noise to a reader.
     */
    record Declared(String text) implements Output {
    }

    /** A remark of the workbook, not of the code ("already there from an earlier run, kept"). */
    record Note(String text) implements Output {
    }

    /**
     * What to do at this terminal now ("Type : at this step and run ROLLBACK;"): keystrokes mean
     * nothing to the reader of an exported page, so exports leave it out.
     */
    record Advice(String text) implements Output {
    }

    /**
     * A chart a cell drew: its text is already in what the cell printed, so the terminal shows nothing more; exports
     * add the image (Jupyter: display_data with image/svg+xml).
     */
    record Chart(String title, String svg) implements Output {
    }

    /** One verdict of a check cell: ✓ or ✗ and what it says. */
    record Verdict(boolean passed, String text) implements Output {
    }
}
