package workbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import workbook.terminal.Console;
import workbook.terminal.DisplayText;

class NotebookViewTest {
    @Test
    void aLongCodeLineContinuesDeeperThanItStartsSoTheCutNeverReadsAsALineOfItsOwn() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Console console = new Console(sink, sink, false, () -> 60);
        String source = "var lab = ScaleLab.open();\n"
                + "    System.out.println(\"primary: PostgreSQL 14 on port \" + primary.port() + \", process \" + primary.pid());";
        CodeCell cell = new CodeCell(1, "java", source, Map.of(), null, "A server", 1);

        List<String> lines = new NotebookView(console, new Placeholders(Map.of())).step(cell, 1).lines().skip(1).toList();

        assertThat(lines).allMatch(line -> DisplayText.width(line) <= 60);
        assertThat(lines.get(0)).isEqualTo("  var lab = ScaleLab.open();");
        assertThat(lines.get(1)).startsWith("      System.out.println(");
        assertThat(lines.subList(2, lines.size())).isNotEmpty().allMatch(line -> line.startsWith("          ") && !line.startsWith("           "));
    }
}
