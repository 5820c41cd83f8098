package workbook.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bare words of a statement outside comments, quotes and parentheses, upper-cased
 * ({@code CREATE UNIQUE INDEX ... ON users (email)} gives CREATE, UNIQUE, INDEX, ..., ON, USERS):
 * enough to recognise what kind of statement it is without a full parser.
 */
final class SqlWords {
    private SqlWords() {
    }

    static List<String> topLevel(String sql, int max) {
        List<String> words = new ArrayList<>();
        int depth = 0;
        int i = 0;
        int n = sql.length();
        while (i < n && words.size() < max) {
            char c = sql.charAt(i);
            if (sql.startsWith("--", i)) {
                i = SqlLexer.lineEnd(sql, i);
            } else if (sql.startsWith("/*", i)) {
                i = SqlLexer.blockCommentEnd(sql, i);
            } else if (c == '\'' || c == '"') {
                i = SqlLexer.quotedEnd(sql, i, false);
            } else if (c == '$') {
                i = SqlLexer.dollarQuoteEnd(sql, i);
            } else if (c == '(') {
                depth++;
                i++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
                i++;
            } else if (SqlLexer.isWordStart(c)) {
                int end = SqlLexer.wordEnd(sql, i);
                if (SqlLexer.opensEscapeString(sql, i, end)) {
                    i = SqlLexer.quotedEnd(sql, end, true);
                    continue;
                }
                if (depth == 0) {
                    words.add(sql.substring(i, end).toUpperCase(Locale.ROOT));
                }
                i = end;
            } else {
                i++;
            }
        }
        return words;
    }
}
