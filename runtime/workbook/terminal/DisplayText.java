//DEPS org.jline:jline:3.30.6
package workbook.terminal;

import org.jline.utils.AttributedString;
import org.jline.utils.WCWidth;

/**
 * Text as a terminal shows it, the workbook's one measure of width (prose wrapping, tables, carets, bars):
 * how many columns it takes (CJK and emoji take two, accents none, JLine's colour codes none), cut to a
 * width with an ellipsis, and made safe to print (line breaks and control characters made visible, so a
 * value can never break a table or send escape codes to the terminal).
 */
public final class DisplayText {
    public static final String ELLIPSIS = "…";
    /** Starts every terminal code: text without it (table cells, carets) never goes through JLine's parser. */
    private static final char ESCAPE = 27;

    private DisplayText() {
    }

    /** Columns {@code text} takes on a terminal, plain or styled: escape codes and control characters take none. */
    public static int width(String text) {
        String shown = text.indexOf(ESCAPE) < 0 ? text : AttributedString.stripAnsi(text);
        int width = 0;
        for (int i = 0; i < shown.length(); ) {
            int cp = shown.codePointAt(i);
            width += columns(cp);
            i += Character.charCount(cp);
        }
        return width;
    }

    /** JLine's wcwidth, but a control character takes no column rather than -1 (AttributedString.columnLength's sum). */
    private static int columns(int codePoint) {
        return Math.max(0, WCWidth.wcwidth(codePoint));
    }

    /** One printable line: \n becomes ↵, a tab a space, other control characters \xNN. */
    public static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue;
            }
            if (c == '\n' || c == '\r') {
                out.append('↵');
            } else if (c == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(c)) {
                out.append(String.format("\\x%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Multi-line text made safe to print: line breaks kept, tabs kept, other control characters shown as \xNN. */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue;
            }
            if (c == '\n' || c == '\t') {
                out.append(c);
            } else if (Character.isISOControl(c)) {
                out.append(String.format("\\x%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Plain {@code text} cut to at most {@code columns} columns, ending in … when something was cut. */
    public static String cut(String text, int columns) {
        if (width(text) <= columns) {
            return text;
        }
        if (columns <= 0) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int w = columns(cp);
            if (used + w > columns - 1) {
                break;
            }
            out.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return out.append(ELLIPSIS).toString();
    }

    /** {@code text} padded with spaces to {@code columns}, on the left when {@code right} (numbers), else on the right. */
    public static String pad(String text, int columns, boolean right) {
        int gap = Math.max(0, columns - width(text));
        return right ? " ".repeat(gap) + text : text + " ".repeat(gap);
    }
}
