package workbook.terminal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A comparison as horizontal bars, one per measured value, scaled so the largest fills the room the terminal
 * leaves beside the labels and figures (labels aligned by display width, so any script lines up). Plain text:
 * the same lines go to the terminal, a log and an exported notebook.
 */
public record BarChart(String title, String unit, List<Bar> bars) {
    private static final String FULL = "█";
    private static final String[] PARTIAL = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    /**
     * The charts rendered since the notebook last asked: a java cell prints a chart's text, and the notebook
     * then adds the same chart as an image to what the cell showed, for exports. Cells run one at a time.
     */
    private static final ConcurrentLinkedQueue<BarChart> RENDERED = new ConcurrentLinkedQueue<>();

    /** One measured value and what it is. */
    public record Bar(String label, double value) {
    }

    public BarChart {
        bars = List.copyOf(bars);
    }

    public static BarChart of(String title, String unit) {
        return new BarChart(title, unit, List.of());
    }

    /** This chart with one more bar. */
    public BarChart with(String label, double value) {
        List<Bar> more = new ArrayList<>(bars);
        more.add(new Bar(label, value));
        return new BarChart(title, unit, more);
    }

    /** The chart at the terminal's readable width ($COLUMNS, at most 100 columns). */
    public String render() {
        return render(TerminalWidth.columns(0));
    }

    public String render(int columns) {
        RENDERED.add(this);
        int labelWidth = bars.stream().mapToInt(b -> DisplayText.width(b.label())).max().orElse(0);
        List<String> figures = bars.stream().map(b -> figure(b.value()) + (unit.isEmpty() ? "" : " " + unit)).toList();
        int figureWidth = figures.stream().mapToInt(DisplayText::width).max().orElse(0);
        int room = Math.max(10, columns - labelWidth - figureWidth - 4);
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        StringBuilder out = new StringBuilder(title).append('\n');
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            out.append(DisplayText.pad(bar.label(), labelWidth, false)).append("  ")
                    .append(DisplayText.pad(bar(bar.value(), max, room), room, false)).append("  ")
                    .append(DisplayText.pad(figures.get(i), figureWidth, true)).append('\n');
        }
        return out.toString();
    }

    /** The charts rendered since the last call, oldest first (the notebook's java cells collect them). */
    public static List<BarChart> takeRendered() {
        List<BarChart> taken = new ArrayList<>();
        for (BarChart chart; (chart = RENDERED.poll()) != null; ) {
            taken.add(chart);
        }
        return taken;
    }

    /** The chart as an SVG image (for exported notebooks): the same bars, labels and figures. */
    public String svg() {
        int rowHeight = 22;
        int labelWidth = 8 * bars.stream().mapToInt(b -> DisplayText.width(b.label())).max().orElse(0) + 12;
        int barRoom = 360;
        int width = labelWidth + barRoom + 110;
        int height = 30 + rowHeight * bars.size() + 8;
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"13\">\n",
                width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"18\" font-weight=\"bold\">%s</text>%n", xml(title)));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = 30 + i * rowHeight;
            double length = max <= 0 ? 0 : Math.max(0, bar.value()) / max * barRoom;
            svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\">%s</text>", y + 15, xml(bar.label())))
                    .append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"#4a7ab5\"/>",
                            labelWidth, y + 2, length))
                    .append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>%n", labelWidth + length + 6, y + 15,
                            xml(figure(bar.value()) + (unit.isEmpty() ? "" : " " + unit))));
        }
        return svg.append("</svg>\n").toString();
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Eighths of a column, so small differences still show. */
    private static String bar(double value, double max, int room) {
        if (max <= 0 || value <= 0) {
            return "";
        }
        int eighths = (int) Math.round(value / max * room * 8);
        return FULL.repeat(eighths / 8) + PARTIAL[eighths % 8];
    }

    static String figure(double value) {
        if (value >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
    }
}
