package workbook.terminal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A comparison as horizontal bars, one per measured value, scaled so the largest fills the room the terminal
 * leaves beside the labels and figures (labels aligned by display width, so any script lines up). Plain text:
 * the same lines go to the terminal, a log and an exported notebook.
 */
public record BarChart(String title, String unit, List<Bar> bars) {
    private static final String FULL = "█";
    private static final String[] PARTIAL = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};

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
