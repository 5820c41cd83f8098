package workbook.sql;

/**
 * PostgreSQL's lexical rules for what hides a semicolon or a keyword: where a quoted string, a quoted
 * identifier, a dollar-quoted body or a comment that starts at a given index ends. Shared by the statement
 * splitter and the keyword reader so both read SQL the same way.
 */
final class SqlLexer {
    private SqlLexer() {
    }

    /**
     * The index after the quoted text opening at {@code open} ({@code '...'} or {@code "..."}); a doubled quote
     * stays inside, and so does a backslash-escaped one in an {@code E'...'} string. Unterminated: the end.
     */
    static int quotedEnd(String src, int open, boolean backslashEscapes) {
        char quote = src.charAt(open);
        int i = open + 1;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < n && src.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    /**
     * The index after the dollar-quoted body opening at {@code i} ({@code $$ ... $$} or {@code $tag$ ... $tag$}),
     * or {@code i + 1} when the {@code $} opens none (as in {@code $1}). Unterminated: the end.
     */
    static int dollarQuoteEnd(String src, int i) {
        int j = i + 1;
        if (j < src.length() && isWordStart(src.charAt(j))) {
            while (j < src.length() && isWordPart(src.charAt(j)) && src.charAt(j) != '$') {
                j++;
            }
        }
        if (j >= src.length() || src.charAt(j) != '$') {
            return i + 1;
        }
        String tag = src.substring(i, j + 1);
        int close = src.indexOf(tag, j + 1);
        return close < 0 ? src.length() : close + tag.length();
    }

    /** The index after the block comment opening at {@code i}; PostgreSQL's block comments nest. */
    static int blockCommentEnd(String src, int i) {
        int depth = 0;
        int n = src.length();
        while (i < n) {
            if (src.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (src.startsWith("*/", i)) {
                i += 2;
                if (--depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    /** The index of the line end at or after {@code i} (a -- comment runs to there), or the end. */
    static int lineEnd(String src, int i) {
        int nl = src.indexOf('\n', i);
        return nl < 0 ? src.length() : nl;
    }

    /** The index after the word starting at {@code i} (letters, digits, _ and $, as PostgreSQL's identifiers). */
    static int wordEnd(String src, int i) {
        int end = i + 1;
        while (end < src.length() && isWordPart(src.charAt(end))) {
            end++;
        }
        return end;
    }

    /** True when an {@code E} word at {@code [start, end)} is followed by a quote: an escape string. */
    static boolean opensEscapeString(String src, int start, int end) {
        return end == start + 1 && (src.charAt(start) == 'E' || src.charAt(start) == 'e')
                && end < src.length() && src.charAt(end) == '\'';
    }

    static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c >= 0x80;
    }

    static boolean isWordPart(char c) {
        return isWordStart(c) || Character.isDigit(c) || c == '$';
    }
}
