package workbook.notebook;

import java.util.stream.Collectors;
import workbook.terminal.CodeHighlighter;
import workbook.terminal.Console;
import workbook.terminal.Console.Style;
import workbook.terminal.DisplayText;
import workbook.terminal.ProseRenderer;

/** How a notebook's pieces look on the terminal: prose rendered, a step's header and code, its outputs. */
public final class NotebookView {
    private final Console console;
    private final int width;
    private final Placeholders placeholders;
    private final ProseRenderer prose;
    private final CodeHighlighter code;
    private final OutputView outputs;

    public NotebookView(Console console, int width, Placeholders placeholders) {
        this.console = console;
        this.width = width;
        this.placeholders = placeholders;
        this.prose = new ProseRenderer(width, console.colour());
        this.code = new CodeHighlighter(console.colour());
        this.outputs = new OutputView(console, width);
    }

    public String prose(ProseCell cell) {
        return prose.render(placeholders.fill(cell.markdown()));
    }

    /** "── Step 3 of 7 · Create the table (create-users) · sql" and the code, indented. */
    public String step(CodeCell cell, int steps) {
        String header = "── Step " + cell.step() + " of " + steps + " · " + cell.title() + " · " + cell.language()
                + session(cell) + (cell.expectsError() ? " · expected to fail" : "") + " ";
        header = header + "─".repeat(Math.max(0, width - DisplayText.width(header)));
        String body = code.highlight(placeholders.fill(cell.source()), cell.language()).lines()
                .map(l -> "  " + l).collect(Collectors.joining("\n"));
        return console.style(Style.CYAN, header) + "\n" + body;
    }

    /** " · session b" for a cell on a second session, so two sessions side by side stay apart. */
    private static String session(CodeCell cell) {
        String session = cell.attributes().get("session");
        return session == null ? "" : " · session " + session;
    }

    public String output(CellOutput output) {
        return outputs.render(output);
    }

    /** The list --list prints and the `l` key shows: number, language, title. */
    public static String stepList(Notebook notebook) {
        return notebook.steps().stream()
                .map(s -> String.format("%3d  %-5s %s%s%s", s.step(), s.language(), s.title(), session(s), s.expectsError() ? "  (expected to fail)" : ""))
                .collect(Collectors.joining("\n"));
    }
}
