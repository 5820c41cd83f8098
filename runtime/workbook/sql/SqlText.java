package workbook.sql;

import java.nio.file.Path;
import java.util.List;

/**
 * A SQL file as read: its text (BOM stripped, line ends \n) and, when the bytes were not all valid UTF-8,
 * a problem to show instead of running garbled SQL.
 *
 * @param file    where it came from
 * @param text    the decoded text; undecodable bytes appear as U+FFFD
 * @param problem null when the file is fine, else one line saying what is wrong and how to fix it
 */
public record SqlText(Path file, String text, String problem) {

    public boolean ok() {
        return problem == null;
    }

    /** True when the file holds no statement at all (empty, blank or only comments). */
    public boolean isEmpty() {
        return statements().isEmpty();
    }

    public List<SqlStatement> statements() {
        return StatementSplitter.split(text);
    }
}
