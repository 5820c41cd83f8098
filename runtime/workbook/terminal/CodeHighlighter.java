//DEPS org.jline:jline:3.30.6
package workbook.terminal;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
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
        AttributedStringBuilder out = new AttributedStringBuilder();
        int end = 0;
        while (m.find()) {
            out.append(code.substring(end, m.start()));
            String token = m.group();
            Style style = null;
            if (m.group(1) != null && (sql ? !token.startsWith("//") : !token.startsWith("--"))) {
                style = Style.DIM;
            } else if (m.group(2) != null) {
                style = Style.GREEN;
            } else if (m.group(3) != null && (sql ? SQL.contains(token.toLowerCase()) : JAVA.contains(token))) {
                style = Style.BLUE;
            }
            paint(out, style, token);
            end = m.end();
        }
        out.append(code.substring(end));
        return out.toAnsi();
    }

    private static void paint(AttributedStringBuilder out, Style style, String token) {
        if (style == null) {
            out.append(token);
            return;
        }
        // line breaks stay unstyled, so each line ends its colour and one multi-line comment stays coloured after
        // the indent the caller puts before every line
        AttributedStyle painted = style.on(AttributedStyle.DEFAULT);
        int from = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '\n' || c == '\r') {
                out.append(token.substring(from, i), painted).append(c);
                from = i + 1;
            }
        }
        out.append(token.substring(from), painted);
    }
}
