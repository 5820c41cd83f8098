package workbook.sql;

/**
 * One statement of a learner's SQL source, as written, with where it starts in that source.
 *
 * @param text   the statement without its terminating semicolon and without leading comments (line ends are \n)
 * @param line   1-based line in the source where the statement's first token is
 * @param column 1-based column of that token
 * @param kind   SQL for the server, META for a psql backslash command that must never be sent to it
 */
public record SqlStatement(String text, int line, int column, Kind kind) {

    /** SQL goes to the server; META is a psql command such as {@code \d users} that only psql understands. */
    public enum Kind { SQL, META }

    public boolean isMeta() {
        return kind == Kind.META;
    }

    /** Where a 1-based character position inside this statement (as PostgreSQL reports it) lies in the source. */
    public SourcePosition positionOf(int positionInStatement) {
        return SourcePosition.of(this, positionInStatement);
    }

    /** The statement's first line, cut to {@code max} characters: enough to name it in a message. */
    public String firstLine(int max) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end) + " …";
        return first.length() <= max ? first : first.substring(0, Math.max(0, max - 1)) + "…";
    }
}
