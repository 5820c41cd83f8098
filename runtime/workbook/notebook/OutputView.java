package workbook.notebook;

import java.util.ArrayList;
import java.util.List;
import workbook.notebook.CellOutput.Outcome;
import workbook.terminal.Console;
import workbook.terminal.Console.Style;
import workbook.terminal.WordWrap;

/**
 * A cell's outputs as text: coloured for the terminal, plain for the Markdown export. An expected error
 * is labelled as such and not painted red, so the learner sees it is the point of the cell.
 */
public final class OutputView {
    private final Console console;
    private final int width;
    private final boolean exporting;

    /** @param console decides the colours (a plain Console gives plain text); @param width where notes wrap */
    public OutputView(Console console, int width) {
        this(console, width, false);
    }

    public static OutputView plain(int width) {
        return new OutputView(new Console(System.out, System.err, false), width);
    }

    /** Plain text for an exported page: what only a learner at the terminal needs (JShell's declarations) left out. */
    public static OutputView forExport(int width) {
        return new OutputView(new Console(System.out, System.err, false), width, true);
    }

    private OutputView(Console console, int width, boolean exporting) {
        this.console = console;
        this.width = width;
        this.exporting = exporting;
    }

    public String render(CellOutput output) {
        List<String> parts = new ArrayList<>();
        if (output.outcome() == Outcome.EXPECTED_ERROR) {
            parts.add(console.style(Style.YELLOW, "Expected error (this cell shows a failure on purpose):"));
        }
        for (Output out : output.outputs()) {
            // a chart's bars are in the text the cell printed; only exports add its image
            if (!(out instanceof Output.Chart) && !(exporting && (out instanceof Output.Declared || out instanceof Output.Advice))) {
                parts.add(render(out, output.outcome()));
            }
        }
        if (output.outcome() == Outcome.OK && output.outputs().isEmpty()) {
            parts.add(console.style(Style.DIM, "(done, no output)"));
        }
        return String.join("\n", parts);
    }

    private String render(Output out, Outcome outcome) {
        if (out instanceof Output.Printed p) {
            return strip(p.text());
        } else if (out instanceof Output.Declared d) {
            return console.style(Style.DIM, d.text());
        } else if (out instanceof Output.Result r) {
            return strip(r.text());
        } else if (out instanceof Output.Error e) {
            Style style = outcome == Outcome.EXPECTED_ERROR ? Style.YELLOW : Style.RED;
            StringBuilder text = new StringBuilder(console.style(style, "ERROR:") + "  " + e.message());
            e.details().forEach(d -> text.append('\n').append(d));
            return text.toString();
        } else if (out instanceof Output.Note n) {
            return String.join("\n", WordWrap.lines(console.style(Style.YELLOW, "!") + " " + n.text(), width));
        } else if (out instanceof Output.Advice a) {
            return String.join("\n", WordWrap.lines("  " + a.text(), width));
        } else if (out instanceof Output.Verdict v) {
            return (v.passed() ? console.style(Style.GREEN, "✓") : console.style(Style.RED, "✗")) + " " + v.text().replace("\n", "\n  ");
        }
        throw new IllegalArgumentException("unknown output " + out);
    }

    private static String strip(String text) {
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
