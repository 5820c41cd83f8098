package workbook.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Splits a learner's SQL source into statements the way psql does: semicolons end statements except inside
 * comments ({@code --}, nested {@code /* *}{@code /}), quotes ({@code '...'} with {@code ''}, {@code E'..\'..'},
 * {@code "..."}), dollar-quoted bodies ({@code $$ ... $$}, {@code $tag$ ... $tag$}), parentheses and
 * {@code BEGIN ATOMIC ... END} function bodies. An unquoted backslash starts a psql meta-command (up to the
 * end of the line or {@code \\}), returned as {@link SqlStatement.Kind#META} so callers can skip it.
 * Comment-only and empty statements are dropped; leading comments are not part of a statement's text.
 */
public final class StatementSplitter {
    private final String src;
    private final int[] lineStarts;
    private final List<SqlStatement> statements = new ArrayList<>();

    private int start = -1;          // index of the current statement's first token, -1 before it
    private int lastTokenEnd = -1;   // end of its last token, so trailing comments stay out of its text
    private int parenDepth;
    private int beginDepth;
    private final String[] firstWords = new String[4];
    private int wordCount;

    private StatementSplitter(String src) {
        this.src = src;
        this.lineStarts = lineStarts(src);
    }

    /** The statements of {@code source} in order; CRLF and CR line ends become \n, a leading BOM is ignored. */
    public static List<SqlStatement> split(String source) {
        String text = SqlSource.normaliseLineEnds(source);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        StatementSplitter splitter = new StatementSplitter(text);
        splitter.scan();
        return List.copyOf(splitter.statements);
    }

    /** Only the statements to send to the server (psql meta-commands left out). */
    public static List<SqlStatement> splitSql(String source) {
        return split(source).stream().filter(s -> !s.isMeta()).toList();
    }

    private void scan() {
        int n = src.length();
        int i = 0;
        while (i < n) {
            char c = src.charAt(i);
            char next = i + 1 < n ? src.charAt(i + 1) : '\0';
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && next == '-') {
                i = lineEnd(i);
            } else if (c == '/' && next == '*') {
                i = blockCommentEnd(i);
            } else if (c == '\\') {
                i = metaCommand(i);
            } else if (c == ';' && parenDepth == 0 && beginDepth == 0) {
                finishStatement();
                i++;
            } else {
                markToken(i);
                i = token(i, c, next);
                lastTokenEnd = i;
            }
        }
        finishStatement();
    }

    /** Skips one token starting at {@code i} and returns the index after it. */
    private int token(int i, char c, char next) {
        if (c == '\'') {
            return quotedEnd(i, '\'', false);
        }
        if (c == '"') {
            return quotedEnd(i, '"', false);
        }
        if (c == '$') {
            return dollarEnd(i);
        }
        if (isWordStart(c)) {
            int end = i + 1;
            while (end < src.length() && isWordPart(src.charAt(end))) {
                end++;
            }
            String word = src.substring(i, end);
            if ((word.equals("E") || word.equals("e")) && end < src.length() && src.charAt(end) == '\'') {
                return quotedEnd(end, '\'', true);
            }
            word(word.toLowerCase(Locale.ROOT));
            return end;
        }
        if (c == '(') {
            parenDepth++;
        } else if (c == ')' && parenDepth > 0) {
            parenDepth--;
        }
        return i + 1;
    }

    /**
     * Tracks {@code BEGIN ... END} in SQL-standard function bodies as psql 14 does: only in a statement whose
     * first words are CREATE [OR REPLACE] FUNCTION|PROCEDURE, BEGIN and CASE open a level and END closes one.
     */
    private void word(String word) {
        if (wordCount < firstWords.length) {
            firstWords[wordCount] = word;
        }
        wordCount++;
        if (word.equals("begin") || word.equals("case")) {
            if (createsRoutine()) {
                beginDepth++;
            }
        } else if (word.equals("end") && beginDepth > 0) {
            beginDepth--;
        }
    }

    private boolean createsRoutine() {
        if (!"create".equals(firstWords[0])) {
            return false;
        }
        if (isRoutine(firstWords[1])) {
            return true;
        }
        return "or".equals(firstWords[1]) && "replace".equals(firstWords[2]) && isRoutine(firstWords[3]);
    }

    private static boolean isRoutine(String word) {
        return "function".equals(word) || "procedure".equals(word);
    }

    private int quotedEnd(int open, char quote, boolean backslashEscapes) {
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
        return n; // unterminated: the server will say so
    }

    /** {@code $tag$ ... $tag$} or {@code $$ ... $$}; a lone {@code $} (as in {@code $1}) is just a character. */
    private int dollarEnd(int i) {
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

    private int blockCommentEnd(int i) {
        int depth = 0;
        int n = src.length();
        while (i < n) {
            if (src.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (src.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    private int lineEnd(int i) {
        int nl = src.indexOf('\n', i);
        return nl < 0 ? src.length() : nl;
    }

    /**
     * A psql meta-command runs to the end of its line or to {@code \\}. psql keeps the SQL typed so far in its
     * buffer, so the statement around it goes on; only {@code \g} and its variants send that buffer, as ; would.
     */
    private int metaCommand(int i) {
        int lineEnd = lineEnd(i);
        int separator = src.indexOf("\\\\", i + 1);
        int end = separator >= 0 && separator < lineEnd ? separator : lineEnd;
        String command = src.substring(i, end).strip();
        if (command.startsWith("\\g")) {
            finishStatement();
        }
        statements.add(new SqlStatement(command, lineOf(i), columnOf(i), SqlStatement.Kind.META));
        return end == separator ? end + 2 : end;
    }

    private void markToken(int i) {
        if (start < 0) {
            start = i;
        }
    }

    private void finishStatement() {
        if (start >= 0) {
            statements.add(new SqlStatement(src.substring(start, lastTokenEnd), lineOf(start), columnOf(start), SqlStatement.Kind.SQL));
        }
        start = -1;
        lastTokenEnd = -1;
        parenDepth = 0;
        beginDepth = 0;
        wordCount = 0;
        Arrays.fill(firstWords, null);
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c >= 0x80;
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || Character.isDigit(c) || c == '$';
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private int lineIndex(int index) {
        int found = Arrays.binarySearch(lineStarts, index);
        return found >= 0 ? found : -found - 2;
    }

    private int lineOf(int index) {
        return lineIndex(index) + 1;
    }

    /** 1-based, counting characters (a surrogate pair is one), as an editor does. */
    private int columnOf(int index) {
        int lineStart = lineStarts[lineIndex(index)];
        return src.codePointCount(lineStart, index) + 1;
    }
}
