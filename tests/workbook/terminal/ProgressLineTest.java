package workbook.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void withoutATerminalOnlyTheLinesThatStayArePrinted() {
        ProgressLine line = new ProgressLine(err, false);
        line.redraw("⠋ Starting 1s");
        line.println("Starting …");
        line.clear();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("Starting …\n");
    }

    @Test
    void onATerminalEachDrawingErasesTheLineBeforeIt() {
        ProgressLine line = new ProgressLine(err, true);
        line.redraw("⠋ Starting 1s");
        line.println("Starting: done (1.2s)");
        line.redraw("Grading [#...] 1/4");
        line.clear();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
                "\r\u001b[2K⠋ Starting 1s\r\u001b[2KStarting: done (1.2s)\n\r\u001b[2KGrading [#...] 1/4\r\u001b[2K");
    }

    @Test
    void aBarFillsInProportionAndIsFullWhenThereIsNothingToDo() {
        assertThat(ProgressLine.bar(3, 10, 10)).isEqualTo("[###.......]");
        assertThat(ProgressLine.bar(10, 10, 4)).isEqualTo("[####]");
        assertThat(ProgressLine.bar(0, 0, 5)).isEqualTo("[#####]");
    }
}
