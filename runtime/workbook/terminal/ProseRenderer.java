//DEPS org.commonmark:commonmark:0.24.0
//DEPS org.jline:jline:3.30.6
package workbook.terminal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import workbook.terminal.Console.Style;

/**
 * Renders Markdown prose for a terminal from commonmark's tree: styled headings, emphasis, inline code,
 * nested lists, quotes, dimmed code blocks and links with their address, word-wrapped to a width in display
 * columns (a CJK character or an emoji takes two). Lines are JLine styled strings until the end, so styles
 * never count as width. Without colour the text stays readable as plain text (inline code keeps its backticks).
 */
public final class ProseRenderer {
    private static final Parser PARSER = Parser.builder().build();

    private final int width;
    private final boolean colour;

    public ProseRenderer(int width, boolean colour) {
        this.width = Math.max(20, width);
        this.colour = colour;
    }

    /** The rendered lines joined with newlines, no trailing newline. */
    public String render(String markdown) {
        List<AttributedString> out = new ArrayList<>();
        blocks(PARSER.parse(markdown), AttributedString.EMPTY, AttributedString.EMPTY, out);
        while (!out.isEmpty() && out.get(out.size() - 1).length() == 0) {
            out.remove(out.size() - 1);
        }
        List<String> lines = new ArrayList<>(out.size());
        for (AttributedString line : out) {
            lines.add(colour ? line.toAnsi() : line.toString());
        }
        return String.join("\n", lines);
    }

    private void blocks(Node parent, AttributedString firstPrefix, AttributedString restPrefix, List<AttributedString> out) {
        boolean first = true;
        for (Node block = parent.getFirstChild(); block != null; block = block.getNext()) {
            int before = out.size();
            block(block, first ? firstPrefix : restPrefix, restPrefix, out);
            if (out.size() > before) {
                first = false;
                boolean separated = !out.isEmpty() && isBlank(out.get(out.size() - 1));
                if (!separated && !(parent instanceof ListItem li && isTight(li))) {
                    out.add(stripTrailing(restPrefix));
                }
            }
        }
    }

    private void block(Node block, AttributedString firstPrefix, AttributedString restPrefix, List<AttributedString> out) {
        if (block instanceof Heading h) {
            Set<Style> style = switch (h.getLevel()) {
                case 1 -> EnumSet.of(Style.BOLD, Style.MAGENTA);
                case 2 -> EnumSet.of(Style.BOLD, Style.CYAN);
                default -> EnumSet.of(Style.BOLD);
            };
            List<AttributedString> lines = wrap(inline(h, style), firstPrefix, restPrefix);
            out.addAll(lines);
            int longest = lines.stream().mapToInt(l -> columns(l) - columns(firstPrefix)).max().orElse(0);
            if (h.getLevel() == 1) {
                out.add(join(firstPrefix, paint(EnumSet.of(Style.MAGENTA), "═".repeat(Math.max(3, longest)))));
            } else if (h.getLevel() == 2 && !colour) {
                out.add(join(firstPrefix, unstyled("─".repeat(Math.max(3, longest)))));
            }
        } else if (block instanceof Paragraph p) {
            if (p.getFirstChild() instanceof Text t && t.getLiteral().startsWith("|")) {
                // a pipe table (no table extension in the core parser): keep its rows as written
                AttributedString prefix = firstPrefix;
                for (String row : plain(p).split("\n")) {
                    out.add(join(prefix, unstyled(row)));
                    prefix = restPrefix;
                }
            } else {
                out.addAll(wrap(inline(p, EnumSet.noneOf(Style.class)), firstPrefix, restPrefix));
            }
        } else if (block instanceof ListBlock list) {
            int number = list instanceof OrderedList ol && ol.getMarkerStartNumber() != null ? ol.getMarkerStartNumber() : 1;
            AttributedString prefix = firstPrefix;
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                String marker = list instanceof BulletList ? "• " : (number++) + ". ";
                AttributedString indent = unstyled(" ".repeat(marker.length()));
                blocks(item, join(prefix, paint(EnumSet.of(Style.CYAN), marker)), join(restPrefix, indent), out);
                if (!isTight(list) && item.getNext() != null && !out.isEmpty() && !isBlank(out.get(out.size() - 1))) {
                    out.add(AttributedString.EMPTY);
                }
                prefix = restPrefix;
            }
        } else if (block instanceof BlockQuote quote) {
            AttributedString bar = paint(EnumSet.of(Style.DIM), "│ ");
            AttributedString barred = join(restPrefix, bar);
            blocks(quote, join(firstPrefix, bar), barred, out);
            while (!out.isEmpty() && columns(out.get(out.size() - 1)) <= columns(barred)
                    && out.get(out.size() - 1).toString().contains("│")) {
                out.remove(out.size() - 1);
            }
        } else if (block instanceof FencedCodeBlock code) {
            codeLines(code.getLiteral(), firstPrefix, restPrefix, out);
        } else if (block instanceof IndentedCodeBlock code) {
            codeLines(code.getLiteral(), firstPrefix, restPrefix, out);
        } else if (block instanceof ThematicBreak) {
            out.add(join(firstPrefix, paint(EnumSet.of(Style.DIM), "─".repeat(Math.max(3, width - columns(firstPrefix))))));
        } else if (block instanceof HtmlBlock html) {
            // comments (hints, notes to instructors) are not for the reader; other HTML is shown as written
            if (!html.getLiteral().strip().startsWith("<!--")) {
                html.getLiteral().strip().lines().forEach(l -> out.add(join(firstPrefix, unstyled(l))));
            }
        } else if (block.getFirstChild() != null) {
            blocks(block, firstPrefix, restPrefix, out);
        }
    }

    private void codeLines(String literal, AttributedString firstPrefix, AttributedString restPrefix, List<AttributedString> out) {
        AttributedString prefix = firstPrefix;
        for (String line : literal.stripTrailing().split("\n")) {
            out.add(join(prefix, unstyled("    "), paint(EnumSet.of(Style.DIM), line)));
            prefix = restPrefix;
        }
    }

    private static boolean isTight(Node node) {
        Node list = node instanceof ListItem ? node.getParent() : node;
        return list instanceof ListBlock lb && lb.isTight();
    }

    /** The inline text of {@code parent}, styled; a soft line break is a space, a hard one a newline. */
    private AttributedString inline(Node parent, Set<Style> style) {
        AttributedStringBuilder text = new AttributedStringBuilder();
        collect(parent, style, text);
        return text.toAttributedString();
    }

    private void collect(Node parent, Set<Style> style, AttributedStringBuilder text) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text t) {
                text.append(paint(style, t.getLiteral()));
            } else if (node instanceof Code c) {
                // a short code span (a command to type) stays on one line, so it can be copied whole
                String code = c.getLiteral().length() <= SHORT_CODE ? c.getLiteral().replace(' ', WordWrap.NO_BREAK) : c.getLiteral();
                text.append(paint(with(style, Style.YELLOW), colour ? code : "`" + code + "`"));
            } else if (node instanceof Emphasis) {
                collect(node, with(style, Style.ITALIC), text);
            } else if (node instanceof StrongEmphasis) {
                collect(node, with(style, Style.BOLD), text);
            } else if (node instanceof Link link) {
                collect(node, with(with(style, Style.UNDERLINE), Style.BLUE), text);
                String label = plain(node);
                if (!link.getDestination().equals(label) && !link.getDestination().startsWith("#")) {
                    text.append(paint(with(style, Style.DIM), " (" + link.getDestination() + ")"));
                }
            } else if (node instanceof Image image) {
                text.append(paint(with(style, Style.DIM), "[image: " + plain(node) + "] (" + image.getDestination() + ")"));
            } else if (node instanceof SoftLineBreak) {
                text.append(' ');
            } else if (node instanceof HardLineBreak) {
                text.append('\n');
            } else if (node instanceof HtmlInline) {
                continue;
            } else {
                collect(node, style, text);
            }
        }
    }

    /** Each line of {@code text} word-wrapped to the width by the workbook's one wrapper, under the prefixes. */
    private List<AttributedString> wrap(AttributedString text, AttributedString firstPrefix, AttributedString restPrefix) {
        List<AttributedString> lines = new ArrayList<>();
        String plain = text.toString();
        AttributedString prefix = firstPrefix;
        int start = 0;
        for (int i = 0; i <= plain.length(); i++) {
            if (i == plain.length() || plain.charAt(i) == '\n') {
                for (AttributedString line : WordWrap.wrap(text.subSequence(start, i), width, prefix, restPrefix)) {
                    // the held spaces become plain ones again: a pasted command needs real spaces
                    lines.add(line.toString().indexOf(WordWrap.NO_BREAK) < 0 ? line : unhold(line));
                }
                prefix = restPrefix;
                start = i + 1;
            }
        }
        return lines;
    }

    /** Code spans up to this long are held on one line. */
    private static final int SHORT_CODE = 40;

    private static AttributedString unhold(AttributedString line) {
        AttributedStringBuilder plain = new AttributedStringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            plain.style(line.styleAt(i)).append(c == WordWrap.NO_BREAK ? ' ' : c);
        }
        return plain.toAttributedString();
    }

    /** {@code text} in the styles combined (none without colour). */
    private AttributedString paint(Set<Style> style, String text) {
        AttributedStyle painted = AttributedStyle.DEFAULT;
        if (colour) {
            for (Style s : style) {
                painted = s.on(painted);
            }
        }
        return new AttributedString(text, painted);
    }

    private static AttributedString unstyled(String text) {
        return new AttributedString(text);
    }

    private static AttributedString join(AttributedString... parts) {
        AttributedStringBuilder joined = new AttributedStringBuilder();
        for (AttributedString part : parts) {
            joined.append(part);
        }
        return joined.toAttributedString();
    }

    /** Display columns, as tables and carets count them. */
    private static int columns(AttributedString line) {
        return DisplayText.width(line.toString());
    }

    private static boolean isBlank(AttributedString line) {
        return line.toString().isBlank();
    }

    /** A prefix as a line of its own (between paragraphs of a quote): its trailing spaces dropped. */
    private static AttributedString stripTrailing(AttributedString prefix) {
        return prefix.subSequence(0, prefix.toString().stripTrailing().length());
    }

    private static Set<Style> with(Set<Style> style, Style more) {
        Set<Style> all = style.isEmpty() ? EnumSet.noneOf(Style.class) : EnumSet.copyOf(style);
        all.add(more);
        return all;
    }

    private static String plain(Node node) {
        StringBuilder text = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text t) {
                text.append(t.getLiteral());
            } else if (child instanceof Code c) {
                text.append(c.getLiteral());
            } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
                text.append('\n');
            } else {
                text.append(plain(child));
            }
        }
        return text.toString();
    }

}
