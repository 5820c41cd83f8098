package workbook.sql;

/**
 * SQL with its comments taken out, read by PostgreSQL's lexical rules ({@link SqlLexer}), so a {@code --}
 * inside a string or a dollar-quoted body stays: the class report compares answers without them.
 */
public final class SqlComments {
    private SqlComments() {
    }

    /** {@code sql} without {@code --} and block comments; a block comment's line ends stay, so lines keep their numbers. */
    public static String strip(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
            int end;
            if (c == '-' && next == '-') {
                i = SqlLexer.lineEnd(sql, i);
                continue;
            } else if (c == '/' && next == '*') {
                end = SqlLexer.blockCommentEnd(sql, i);
                sql.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                out.append(' ');
                i = end;
                continue;
            } else if (c == '\'' || c == '"') {
                end = SqlLexer.quotedEnd(sql, i, false);
            } else if (c == '$') {
                end = SqlLexer.dollarQuoteEnd(sql, i);
            } else if (SqlLexer.isWordStart(c)) {
                end = SqlLexer.wordEnd(sql, i);
                if (SqlLexer.opensEscapeString(sql, i, end)) {
                    end = SqlLexer.quotedEnd(sql, end, true);
                }
            } else {
                end = i + 1;
            }
            out.append(sql, i, end);
            i = end;
        }
        return out.toString();
    }
}
