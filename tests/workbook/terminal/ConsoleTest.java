package workbook.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;
import workbook.terminal.Console.Style;

class ConsoleTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);

    @Test
    void withoutColourTextIsPrintedAsGiven() {
        Console plain = new Console(stream, stream, false);
        plain.ok("saved");
        plain.error("No database answers.");
        assertThat(plain.style(Style.BOLD, "Task 1")).isEqualTo("Task 1");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("✓ saved\nerror: No database answers.\n");
    }

    @Test
    void colourIsTheSgrCodeOfEachStyleAndAResetAfterTheText() {
        Console coloured = new Console(stream, stream, true);
        assertThat(coloured.style(Style.RED, "✗")).isEqualTo("\u001b[31m✗\u001b[0m");
        assertThat(coloured.style(Style.DIM, "·")).isEqualTo("\u001b[2m·\u001b[0m");
        assertThat(coloured.style(Style.BOLD, "Progress: ")).isEqualTo("\u001b[1mProgress: \u001b[0m");
        assertThat(coloured.style(Style.CYAN, "hint: ")).isEqualTo("\u001b[36mhint: \u001b[0m");
    }

    @Test
    void stylesCombine() {
        AttributedStyle heading = Style.MAGENTA.on(Style.BOLD.on(AttributedStyle.DEFAULT));
        assertThat(heading).isEqualTo(AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA));
    }

    @Test
    void everyLineWrapsAtTheTerminalsWidthAsItIsWhenPrinted() {
        int[] columns = {40};
        Console console = new Console(stream, stream, false, () -> columns[0]);
        String text = "one two three four five six seven eight nine ten eleven twelve";
        console.fail(text);
        columns[0] = 20;
        console.note(text);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                ✗ one two three four five six seven
                  eight nine ten eleven twelve
                ! one two three four
                  five six seven
                  eight nine ten
                  eleven twelve
                """);
    }

    @Test
    void theKeyBarBreaksBetweenKeysAndTheNextLineStartsWithAKey() {
        new Console(stream, stream, false, () -> 80)
                .keys("Enter run · s skip · r run again · b back · j jump · l list · : your own SQL/Java · q quit");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "Enter run · s skip · r run again · b back · j jump · l list\n: your own SQL/Java · q quit\n");
    }
}
