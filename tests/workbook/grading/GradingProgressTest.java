package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GradingProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void aLogGetsALineAtEveryTenthOfTheClass() {
        GradingProgress progress = new GradingProgress(err, false, 20);
        for (int i = 0; i < 20; i++) {
            progress.advance();
        }
        progress.finish();
        String log = bytes.toString(StandardCharsets.UTF_8);
        assertThat(log.lines()).hasSize(10).allMatch(l -> l.matches("graded \\d+/20  \\d+\\.\\d/s  ETA \\d+s"));
        assertThat(log).startsWith("graded 2/20 ").contains("\ngraded 20/20 ").doesNotContain("\r");
    }

    @Test
    void aTerminalGetsABarRedrawnInPlaceAndErasedAtTheEnd() {
        GradingProgress progress = new GradingProgress(err, true, 3);
        progress.advance();
        progress.finish();
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertThat(shown).matches("\r\u001b\\[2KGrading \\[#{10}\\.{20}\\] 1/3  \\d+\\.\\d/s  ETA \\d+s\r\u001b\\[2K");
    }
}
