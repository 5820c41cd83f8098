//DEPS org.commonmark:commonmark:0.24.0
package workbook.notebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import workbook.UserError;

/**
 * Reads a lesson notebook (`lessons/<name>.md`) into ordered cells. This class comment is the format's
 * specification; the lesson, the checker and the runtime all rely on it.
 *
 * <ul>
 * <li>A notebook is plain CommonMark. Its first {@code # } heading is the title (else the file name).</li>
 * <li><b>Code cells</b> are fenced blocks whose info string starts with a runnable language:
 *     {@code sql}, {@code java}, or a kind the entry script registers ({@code check}). Fences in any
 *     other language ({@code bash}, {@code text}, {@code console}) are prose: shown, never run.</li>
 * <li>After the language come space-separated attributes {@code key=value}; quote a value with
 *     spaces: {@code key="two words"}. Known keys:
 *     {@code id=create-users} a stable step name, unique in the notebook ({@code --from create-users});
 *     {@code needs=java-begin} (ids, comma-separated, of earlier steps) this step only makes sense after
 *     those ran in the same sitting (a transaction begun, a variable defined): {@code --from} at it runs
 *     them first, and says so;
 *     {@code expect=error} the cell demonstrates a failure: its error is the expected output and does
 *     not fail {@code --run-all} (a success then does);
 *     {@code session=b} (sql cells) runs the cell on a second connection of the notebook, named b,
 *     opened on first use and kept open across cells, so two sessions can be shown side by side (a
 *     transaction begun in one cell goes on in the next cell of that session);
 *     {@code database=crm_lab_indexes} (sql cells) runs the cell on that database of the same server,
 *     created on first use and kept (a lab's scratch data, never crm_db's), with its own connection
 *     per session. Names are lower-case identifiers ({@code [a-z_][a-z0-9_]*}).
 *     Other keys are kept for the cell's kind.</li>
 * <li>A {@code server} fence whose body is {@code restart} stops the learner's server cleanly and starts it
 *     again through its provider (docker, embedded); {@code crash} kills it as a power cut would, starts it
 *     and shows the crash recovery the server logged. Both then reconnect every session; a server given
 *     by URL is not the workbook's to stop, so the cell says so and only reconnects. Open
 *     transactions end with the restart; the JShell's {@code handle} is not reopened, so java
 *     cells belong before a restart.</li>
 * <li>A {@code <!-- hint: ... -->} HTML comment directly after a code cell is that cell's hint, shown
 *     when the cell fails. It may span lines.</li>
 * <li><b>Placeholders</b> in prose and code are filled from the live database when shown or run:
 *     {@code {{db.psql}}} (a psql line to paste), {@code {{db.jdbcUrl}}}, {@code {{db.provider}}}
 *     (docker, embedded or url), {@code {{db.description}}} (what the workbook did to get it),
 *     {@code {{db.host}}}, {@code {{db.port}}}. Any other {@code {{db.*}}} is an error.</li>
 * <li><b>Steps</b>: every code cell is a step, numbered from 1 in file order and titled by the nearest
 *     heading above it (plus its id).</li>
 * <li>Everything between code cells (and their hints) is one prose cell, kept as written.</li>
 * </ul>
 */
public final class NotebookParser {
    private static final Pattern HINT = Pattern.compile("(?s)\\s*<!--\\s*hint:\\s*(.*?)\\s*-->\\s*");
    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*)=(\"[^\"]*\"|\\S+)");
    private static final Set<String> EXPECT_VALUES = Set.of("error");
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final Set<String> languages;

    /** @param languages the fence languages that make code cells (from {@link CellKinds#languages()}) */
    public NotebookParser(Set<String> languages) {
        this.languages = Set.copyOf(languages);
    }

    public Notebook parse(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw UserError.badInput("Cannot read the notebook " + file + ": " + e.getMessage());
        }
        String name = file.getFileName().toString().replaceFirst("\\.md$", "");
        return parse(name, file.toString(), text);
    }

    /** @param where the file name used in error messages ("lessons/lesson3.md:12: ...") */
    public Notebook parse(String name, String where, String text) {
        checkPlaceholders(where, text);
        String[] lines = text.split("\r?\n", -1);
        Node document = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build().parse(text);

        List<Cell> cells = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String title = null;
        String heading = null;
        int proseFrom = -1;
        int proseTo = -1;
        int step = 0;
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading h) {
                heading = headingText(h);
                if (title == null && h.getLevel() == 1) {
                    title = heading;
                }
            }
            if (node instanceof FencedCodeBlock fence && languages.contains(languageOf(fence))) {
                if (proseFrom >= 0) {
                    cells.add(prose(lines, proseFrom, proseTo));
                    proseFrom = -1;
                }
                int line = firstLine(fence) + 1;
                Map<String, String> attributes = attributes(where, line, fence.getInfo());
                String id = attributes.get("id");
                for (String needed : CodeCell.needs(attributes)) {
                    if (!ids.contains(needed)) {
                        throw UserError.badInput(where + ":" + line + ": needs=" + needed + " names no earlier cell; a step can need only steps before it");
                    }
                }
                if (id != null && !ids.add(id)) {
                    throw UserError.badInput(where + ":" + line + ": the id `" + id + "` is used by an earlier cell; ids must be unique");
                }
                String hint = null;
                if (node.getNext() instanceof HtmlBlock html && HINT.matcher(html.getLiteral()).matches()) {
                    Matcher m = HINT.matcher(html.getLiteral());
                    m.matches();
                    hint = m.group(1).replaceAll("\\s*\\n\\s*", " ");
                    node = html;
                }
                String cellHeading = heading != null ? heading : title != null ? title : name;
                cells.add(new CodeCell(++step, languageOf(fence), stripFinalNewline(fence.getLiteral()),
                        attributes, hint, cellHeading, line));
            } else {
                if (proseFrom < 0) {
                    proseFrom = firstLine(node);
                }
                proseTo = lastLine(node);
            }
        }
        if (proseFrom >= 0) {
            cells.add(prose(lines, proseFrom, proseTo));
        }
        return new Notebook(name, title != null ? title : name, cells);
    }

    private static ProseCell prose(String[] lines, int from, int to) {
        return new ProseCell(String.join("\n", List.of(lines).subList(from, to + 1)), from + 1);
    }

    static String languageOf(FencedCodeBlock fence) {
        String info = fence.getInfo() == null ? "" : fence.getInfo().strip();
        int space = info.indexOf(' ');
        return (space < 0 ? info : info.substring(0, space)).toLowerCase();
    }

    private static Map<String, String> attributes(String where, int line, String info) {
        Map<String, String> attributes = new LinkedHashMap<>();
        String rest = info.strip().replaceFirst("^\\S+\\s*", "");
        Matcher m = ATTRIBUTE.matcher(rest);
        int at = 0;
        while (m.find()) {
            if (!rest.substring(at, m.start()).isBlank()) {
                throw badAttribute(where, line, rest.substring(at, m.start()).strip());
            }
            String value = m.group(2);
            attributes.put(m.group(1), value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
            at = m.end();
        }
        if (!rest.substring(at).isBlank()) {
            throw badAttribute(where, line, rest.substring(at).strip());
        }
        String expect = attributes.get("expect");
        if (expect != null && !EXPECT_VALUES.contains(expect)) {
            throw UserError.badInput(where + ":" + line + ": `expect=" + expect + "` is not known; the one expectation is `expect=error`");
        }
        for (String key : List.of("session", "database")) {
            String value = attributes.get(key);
            if (value != null && !NAME.matcher(value).matches()) {
                throw UserError.badInput(where + ":" + line + ": `" + key + "=" + value + "` is not a lower-case name; write e.g. "
                        + key + "=" + (key.equals("session") ? "b" : "crm_lab_indexes"));
            }
        }
        return attributes;
    }

    private static UserError badAttribute(String where, int line, String text) {
        return UserError.badInput(where + ":" + line + ": cannot read `" + text + "` on the fence; attributes are key=value, e.g. id=create-users expect=error");
    }

    private static void checkPlaceholders(String where, String text) {
        Matcher m = Placeholders.PLACEHOLDER.matcher(text);
        while (m.find()) {
            String placeholder = m.group(1);
            if (placeholder.startsWith("db.") && !Placeholders.NAMES.contains(placeholder)) {
                int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                throw UserError.badInput(where + ":" + line + ": unknown placeholder {{" + placeholder + "}}; known: "
                        + String.join(", ", Placeholders.NAMES.stream().sorted().map(n -> "{{" + n + "}}").toList()));
            }
        }
    }

    private static String headingText(Heading heading) {
        StringBuilder text = new StringBuilder();
        appendText(heading, text);
        return text.toString().strip();
    }

    private static void appendText(Node node, StringBuilder text) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof org.commonmark.node.Text t) {
                text.append(t.getLiteral());
            } else if (child instanceof org.commonmark.node.Code c) {
                text.append(c.getLiteral());
            } else if (child instanceof org.commonmark.node.SoftLineBreak) {
                text.append(' ');
            } else {
                appendText(child, text);
            }
        }
    }

    private static int firstLine(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(0).getLineIndex();
    }

    private static int lastLine(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? firstLine(node) : spans.get(spans.size() - 1).getLineIndex();
    }

    private static String stripFinalNewline(String code) {
        return code.endsWith("\n") ? code.substring(0, code.length() - 1) : code;
    }
}
