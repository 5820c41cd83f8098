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
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl;
            } else if (sql.startsWith("/*", i)) {
                i = blockCommentEnd(sql, i);
            } else if (c == '\'' || c == '"') {
                i = quotedEnd(sql, i, c, false);
            } else if (c == '$' && i + 1 < n && (sql.charAt(i + 1) == '$' || Character.isLetter(sql.charAt(i + 1)))) {
                i = dollarEnd(sql, i);
            } else if (c == '(') {
                depth++;
                i++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_' || sql.charAt(end) == '$')) {
                    end++;
                }
                String word = sql.substring(i, end);
                if (end < n && sql.charAt(end) == '\'' && word.equalsIgnoreCase("E")) {
                    i = quotedEnd(sql, end, '\'', true);
                    continue;
                }
                if (depth == 0) {
                    words.add(word.toUpperCase(Locale.ROOT));
                }
                i = end;
            } else {
                i++;
            }
        }
        return words;
    }

    private static int quotedEnd(String sql, int open, char quote, boolean backslashEscapes) {
        int i = open + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static int dollarEnd(String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        if (j >= sql.length() || sql.charAt(j) != '$') {
            return i + 1;
        }
        String tag = sql.substring(i, j + 1);
        int close = sql.indexOf(tag, j + 1);
        return close < 0 ? sql.length() : close + tag.length();
    }

    private static int blockCommentEnd(String sql, int i) {
        int depth = 0;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                i += 2;
                if (--depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }
}
