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
    private boolean endsOpen;        // the source ends inside a statement or a comment: more is to come

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

    /**
     * True when {@code typed} ends where psql would send it: every statement closed by {@code ;} (outside
     * quotes, comments, dollar quotes, parentheses and BEGIN ATOMIC bodies) or a psql command, so a prompt
     * knows whether to run what was typed or to read another line.
     */
    public static boolean complete(String typed) {
        StatementSplitter splitter = new StatementSplitter(SqlSource.normaliseLineEnds(typed));
        splitter.scan();
        return !splitter.endsOpen;
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
                i = SqlLexer.lineEnd(src, i);
            } else if (c == '/' && next == '*') {
                int end = SqlLexer.blockCommentEnd(src, i);
                endsOpen = end == n && !src.startsWith("*/", Math.max(i + 2, n - 2));
                i = end;
            } else if (c == '\\' && next == ';' && parenDepth == 0 && beginDepth == 0) {
                finishStatement(); // psql's \; joins statements into one request; sent one by one they do the same
                i += 2;
            } else if (c == '\\') {
                i = metaCommand(i);
            } else if (c == ';' && parenDepth == 0 && beginDepth == 0) {
                finishStatement();
                i++;
            } else {
                markToken(i);
                i = token(i, c);
                lastTokenEnd = i;
            }
        }
        endsOpen = endsOpen || start >= 0;
        finishStatement();
    }

    /** Skips one token starting at {@code i} and returns the index after it. */
    private int token(int i, char c) {
        if (c == '\'' || c == '"') {
            return SqlLexer.quotedEnd(src, i, false);
        }
        if (c == '$') {
            return SqlLexer.dollarQuoteEnd(src, i);
        }
        if (SqlLexer.isWordStart(c)) {
            int end = SqlLexer.wordEnd(src, i);
            if (SqlLexer.opensEscapeString(src, i, end)) {
                return SqlLexer.quotedEnd(src, end, true);
            }
            word(src.substring(i, end).toLowerCase(Locale.ROOT));
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
     * first words are CREATE [OR REPLACE] FUNCTION|PROCEDURE and outside parentheses, BEGIN opens a level,
     * CASE opens one inside a BEGIN (it ends with END too) and END closes one.
     */
    private void word(String word) {
        if (wordCount < firstWords.length) {
            firstWords[wordCount] = word;
        }
        wordCount++;
        if (parenDepth > 0 || !createsRoutine()) {
            return;
        }
        if (word.equals("begin") || (word.equals("case") && beginDepth > 0)) {
            beginDepth++;
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

    /**
     * A psql meta-command runs to the end of its line or to {@code \\}. psql keeps the SQL typed so far in its
     * buffer, so the statement around it goes on; only {@code \g} and its variants send that buffer, as ; would.
     */
    private int metaCommand(int i) {
        int lineEnd = SqlLexer.lineEnd(src, i);
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
