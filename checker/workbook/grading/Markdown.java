package workbook.grading;

/** Text placed in the Markdown a student reads (feedback.md, results.json's outputs) so that it shows as written. */
final class Markdown {
    private Markdown() {
    }

    /** Text on one line; Markdown's own characters a message may hold (< > *) cannot start HTML or emphasis. */
    static String inline(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("\r", "").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A fenced block long enough that no run of backticks inside can close it. */
    static String block(String text) {
        String fence = "```";
        while (text.contains(fence)) {
            fence += "`";
        }
        return fence + "text\n" + text + "\n" + fence + "\n";
    }
}
