package workbook.terminal;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import workbook.terminal.Console.Style;

/** Light colouring of SQL and Java for the terminal: keywords, strings, comments; nothing else moves. */
public final class CodeHighlighter {
    private static final Pattern TOKEN = Pattern.compile(
            "(--[^\\n]*|//[^\\n]*|/\\*.*?\\*/)|('(?:[^']|'')*'?|\"(?:[^\"\\\\]|\\\\.)*\"?)|([A-Za-z_][A-Za-z0-9_]*)",
            Pattern.DOTALL);
    private static final Set<String> SQL = Set.of("select", "from", "where", "insert", "into", "values", "update", "set",
            "delete", "create", "table", "alter", "add", "column", "drop", "index", "on", "primary", "key", "unique",
            "not", "null", "default", "references", "and", "or", "order", "by", "group", "having", "limit", "returning",
            "join", "left", "inner", "as", "if", "exists", "begin", "commit", "rollback", "constraint", "check", "distinct");
    private static final Set<String> JAVA = Set.of("var", "new", "return", "record", "interface", "class", "public",
            "static", "final", "void", "import", "if", "else", "for", "while", "try", "catch", "throws", "int", "long",
            "boolean", "String", "true", "false", "null", "this");

    private final boolean colour;

    public CodeHighlighter(boolean colour) {
        this.colour = colour;
    }

    public String highlight(String code, String language) {
        if (!colour) {
            return code;
        }
        boolean sql = !"java".equals(language);
        Matcher m = TOKEN.matcher(code);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String token = m.group();
            String painted;
            if (m.group(1) != null && (sql ? !token.startsWith("//") : !token.startsWith("--"))) {
                painted = paint(Style.DIM, token);
            } else if (m.group(2) != null) {
                painted = paint(Style.GREEN, token);
            } else if (m.group(3) != null && (sql ? SQL.contains(token.toLowerCase()) : JAVA.contains(token))) {
                painted = paint(Style.BLUE, token);
            } else {
                painted = token;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(painted));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String paint(Style style, String text) {
        // per line, so a multi-line comment stays coloured after the indent the caller adds
        return text.lines().map(l -> style.code() + l + "\u001b[0m").reduce((a, b) -> a + "\n" + b).orElse(text);
    }
}
