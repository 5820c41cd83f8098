//DEPS org.jline:jline:3.30.6
package workbook.terminal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * The workbook's one word wrapper: breaks a line of terminal text (plain, or styled with escape codes) into
 * lines at most a width wide in display columns, at spaces only (not inside a short `quoted command`), unless
 * a word alone is wider than a line.
 * Continuation lines hang under the text (after the line's indent, a mark such as ✗ or •, and a short label
 * such as "hint: "), and each line's styles are closed at its end and opened again on the next.
 */
public final class WordWrap {
    /** Text never broken here: a space that holds two words together (the items of a key bar). */
    public static final char NO_BREAK = '\u00A0';
    private static final char ESCAPE = 27;
    /** An indent, then a mark (✓, ✗, !, ·, •, ──) or a number (1.), then a label ("hint 1/3: ", "ERROR:  "). */
    private static final Pattern HANG = Pattern.compile("^( *)((?:[^\\p{L}\\p{N}\\s(\\[`'\"]{1,2}|\\d{1,3}\\.) +)?([\\p{L}][\\p{L}\\p{N} /_-]{0,15}: +)?");

    private WordWrap() {
    }

    /** {@code line} wrapped to {@code width}, continuation lines hanging under its text (see the class comment). */
    public static List<String> lines(String line, int width) {
        if (DisplayText.width(line) <= width) {
            return List.of(line);
        }
        return lines(line, width, hangingIndent(line, width));
    }

    /** {@code line} wrapped to {@code width}, continuation lines indented by {@code indent} columns. */
    public static List<String> lines(String line, int width, int indent) {
        if (DisplayText.width(line) <= width) {
            return List.of(line);
        }
        boolean styled = line.indexOf(ESCAPE) >= 0;
        AttributedString text = styled ? AttributedString.fromAnsi(line) : new AttributedString(line);
        List<String> out = new ArrayList<>();
        for (AttributedString wrapped : wrap(text, width, AttributedString.EMPTY, new AttributedString(" ".repeat(indent)))) {
            out.add(styled ? wrapped.toAnsi() : wrapped.toString());
        }
        return out;
    }

    /**
     * Styled {@code text} (one line) wrapped to {@code width} after {@code firstPrefix} on the first line and
     * {@code restPrefix} on the others (prose puts list markers and quote bars there). Spaces between words stay as
     * written within a line and are dropped where it breaks; trailing spaces are dropped.
     */
    public static List<AttributedString> wrap(AttributedString text, int width, AttributedString firstPrefix, AttributedString restPrefix) {
        List<AttributedString> lines = new ArrayList<>();
        String plain = text.toString();
        AttributedStringBuilder line = new AttributedStringBuilder().append(firstPrefix);
        int used = DisplayText.width(firstPrefix.toString());
        int rest = DisplayText.width(restPrefix.toString());
        boolean hasWord = false;
        boolean[] breaks = breaks(plain, width - rest);
        int i = 0;
        while (i < plain.length()) {
            int spaceStart = i;
            while (i < plain.length() && breaks[i]) {
                i++;
            }
            int wordStart = i;
            while (i < plain.length() && !breaks[i]) {
                i++;
            }
            if (wordStart == i) {
                break;
            }
            int spaces = wordStart - spaceStart;
            int wordWidth = DisplayText.width(plain.substring(wordStart, i));
            if (hasWord && used + spaces + wordWidth > width) {
                lines.add(line.toAttributedString());
                line = new AttributedStringBuilder().append(restPrefix);
                used = rest;
                spaceStart = wordStart;
                spaces = 0;
            }
            line.append(text.subSequence(spaceStart, wordStart));
            used += spaces;
            int from = wordStart;
            // a word wider than a whole line is the one thing cut mid-word: as much as fits, the rest below
            while (used + DisplayText.width(plain.substring(from, i)) > width) {
                int cut = fitting(plain, from, i, Math.max(1, width - used));
                line.append(text.subSequence(from, cut));
                lines.add(line.toAttributedString());
                line = new AttributedStringBuilder().append(restPrefix);
                used = rest;
                from = cut;
            }
            line.append(text.subSequence(from, i));
            used += DisplayText.width(plain.substring(from, i));
            hasWord = true;
        }
        lines.add(line.toAttributedString());
        return lines;
    }

    /**
     * Where a line may break: at a space, except inside a `quoted command` that fits on a line of its own, so
     * a command a learner copies ("`./jbang check lesson3 --task 1`") stays on one line.
     */
    private static boolean[] breaks(String plain, int room) {
        boolean[] breaks = new boolean[plain.length()];
        for (int i = 0; i < plain.length(); i++) {
            breaks[i] = plain.charAt(i) == ' ';
        }
        for (int open = plain.indexOf('`'); open >= 0; ) {
            int close = plain.indexOf('`', open + 1);
            if (close < 0) {
                break;
            }
            if (DisplayText.width(plain.substring(open, close + 1)) + 1 <= room) {
                Arrays.fill(breaks, open, close, false);
            }
            open = plain.indexOf('`', close + 1);
        }
        return breaks;
    }

    /** Where a cut of {@code plain[from, to)} to {@code columns} ends: at least one character, so a cut always moves on. */
    private static int fitting(String plain, int from, int to, int columns) {
        int end = from;
        int used = 0;
        while (end < to) {
            int cp = plain.codePointAt(end);
            int w = DisplayText.width(new String(Character.toChars(cp)));
            if (used + w > columns && end > from) {
                break;
            }
            used += w;
            end += Character.charCount(cp);
        }
        return end;
    }

    /**
     * Columns a continuation line of {@code line} is indented: under the text after its indent, mark and label;
     * just the indent when that would leave less than half the width for the text.
     */
    static int hangingIndent(String line, int width) {
        String plain = line.indexOf(ESCAPE) < 0 ? line : AttributedString.stripAnsi(line);
        Matcher m = HANG.matcher(plain);
        m.lookingAt();
        int hang = DisplayText.width(m.group());
        if (hang <= width / 2) {
            return hang;
        }
        int indent = m.group(1).length();
        return indent <= width / 2 ? indent : 0;
    }
}
