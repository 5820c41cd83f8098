package workbook.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTest {

    private static final BarChart CHART = BarChart.of("Requests per second", "req/s")
            .with("new connection", 50).with("pool of 4", 500);

    @Test
    void theLargestBarFillsTheWidthAndTheOthersScaleToIt() {
        List<String> lines = CHART.render(60).lines().toList();

        assertThat(lines.get(0)).isEqualTo("Requests per second");
        assertThat(lines).hasSize(3).allMatch(line -> DisplayText.width(line) <= 60);
        long small = lines.get(1).chars().filter(c -> c == '█').count();
        long large = lines.get(2).chars().filter(c -> c == '█').count();
        assertThat(large).isEqualTo(60 - "new connection".length() - "500 req/s".length() - 4);
        assertThat(small).isBetween(large / 10 - 1, large / 10 + 1);
        assertThat(lines.get(1)).startsWith("new connection  █").endsWith(" 50 req/s");
        assertThat(lines.get(2)).startsWith("pool of 4       █").endsWith("500 req/s");
    }

    @Test
    void aNarrowTerminalStillGetsBarsAndFiguresStayReadable() {
        assertThat(BarChart.of("t", "ms").with("a", 0.123).with("b", 12.34).render(20))
                .contains("0.12 ms", "12.3 ms", "█");
    }

    @Test
    void theSvgHasOneBarPerValueScaledAlikeAndEscapesText() {
        String svg = BarChart.of("p50 < p99 & more", "ms").with("a", 1).with("b", 4).svg();

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("p50 &lt; p99 &amp; more")
                .contains("width=\"90.0\"", "width=\"360.0\"");
    }

    @Test
    void renderedChartsAreHandedOverOnceForTheNotebook() {
        BarChart.takeRendered();
        CHART.render(80);
        assertThat(BarChart.takeRendered()).containsExactly(CHART);
        assertThat(BarChart.takeRendered()).isEmpty();
    }
}
