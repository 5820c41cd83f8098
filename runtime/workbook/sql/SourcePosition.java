package workbook.sql;

/**
 * A 1-based line and column in a source file, e.g. where PostgreSQL's error position falls, so a message
 * can say {@code 03-update-alice.sql:4:12}.
 */
public record SourcePosition(int line, int column) {

    /**
     * Maps PostgreSQL's error position (1-based, counted in characters of the statement as sent) to the
     * source: the statement's own start plus the lines and columns before that character.
     * A position of 0 (the server gave none) maps to the statement's start.
     */
    public static SourcePosition of(SqlStatement statement, int positionInStatement) {
        String text = statement.text();
        int index = charIndex(text, positionInStatement);
        int line = statement.line();
        int column = statement.column();
        for (int i = 0; i < index; i++) {
            char ch = text.charAt(i);
            if (ch == '\n') {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(ch)) {
                column++;
            }
        }
        return new SourcePosition(line, column);
    }

    /** The server counts characters (code points); Java strings count UTF-16 units. */
    static int charIndex(String text, int positionInStatement) {
        if (positionInStatement <= 1) {
            return 0;
        }
        int codePoints = text.codePointCount(0, text.length());
        int wanted = Math.min(positionInStatement - 1, codePoints);
        return text.offsetByCodePoints(0, wanted);
    }

    /** {@code file:line:column}, the form editors and terminals turn into a link. */
    public String in(String fileName) {
        return fileName + ":" + this;
    }

    /** {@code line:column}, to append to a file name. */
    @Override
    public String toString() {
        return line + ":" + column;
    }
}
