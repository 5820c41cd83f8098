package workbook.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import workbook.terminal.CodeHighlighter;
import workbook.terminal.Console;
import workbook.terminal.Console.Style;
import workbook.terminal.DisplayText;
import workbook.terminal.ProseRenderer;
import workbook.terminal.WordWrap;

/**
 * How a notebook's pieces look on the terminal: prose rendered, a step's header and code, its outputs. Each is
 * laid out at the console's width at the moment it is shown, so a resized terminal gets the next one right.
 */
public final class NotebookView {
    /** Where a step header's continuation lines start: under "Step", after "── ". */
    private static final int HEADER_HANG = 3;

    private final Console console;
    private final Placeholders placeholders;
    private final CodeHighlighter code;

    public NotebookView(Console console, Placeholders placeholders) {
        this.console = console;
        this.placeholders = placeholders;
        this.code = new CodeHighlighter(console.colour());
    }

    public String prose(ProseCell cell) {
        return new ProseRenderer(console.readableWidth(), console.colour()).render(placeholders.fill(cell.markdown()));
    }

    /** "── Step 3 of 7 · Create the table (create-users) · sql ───" (wrapped when long) and the code, indented. */
    public String step(CodeCell cell, int steps) {
        int width = console.readableWidth();
        String header = "── Step " + cell.step() + " of " + steps + " · " + cell.title() + " · " + cell.language()
                + session(cell) + (cell.expectsError() ? " · expected to fail" : "");
        // each · is held to the word after it, so a line never ends in a dot and the next starts with one
        List<String> lines = new ArrayList<>(WordWrap.lines(header.replace(" · ", " ·" + WordWrap.NO_BREAK), width, HEADER_HANG)
                .stream().map(l -> l.replace(WordWrap.NO_BREAK, ' ')).toList());
        String last = lines.remove(lines.size() - 1) + " ";
        lines.add(last + "─".repeat(Math.max(0, width - DisplayText.width(last))));
        // a code line too long for the terminal continues four columns deeper than it starts, so the
        // continuation never reads as a line of its own (a string literal cut in two looks like two statements)
        int columns = console.width();
        String body = code.highlight(placeholders.fill(cell.source()), cell.language()).lines()
                .map(l -> "  " + l)
                .flatMap(l -> WordWrap.lines(l, columns, Math.min(indentOf(l) + CODE_CONTINUATION, columns / 2)).stream())
                .collect(Collectors.joining("\n"));
        return lines.stream().map(l -> console.style(Style.CYAN, l)).collect(Collectors.joining("\n")) + "\n" + body;
    }

    private static final int CODE_CONTINUATION = 4;

    private static int indentOf(String line) {
        int spaces = 0;
        while (spaces < line.length() && line.charAt(spaces) == ' ') {
            spaces++;
        }
        return spaces;
    }

    /** " · session b" for a cell on a second session, so two sessions side by side stay apart. */
    private static String session(CodeCell cell) {
        String session = cell.attributes().get("session");
        return session == null ? "" : " · session " + session;
    }

    public String output(CellOutput output) {
        return new OutputView(console, console.readableWidth()).render(output);
    }

    /** The list --list prints and the `l` key shows: number, language, title. */
    public static String stepList(Notebook notebook) {
        return notebook.steps().stream()
                .map(s -> String.format("%3d  %-5s %s%s%s", s.step(), s.language(), s.title(), session(s), s.expectsError() ? "  (expected to fail)" : ""))
                .collect(Collectors.joining("\n"));
    }
}
