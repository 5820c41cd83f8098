package workbook.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import workbook.sql.StatementOutcome.Rows;

/** Whatever the values hold, a table fits the width and sends no control characters to the terminal. */
class ResultTableRobustnessTest {
    private static final String[] PIECES = {"a", "Alice", "日本語", "😀", "e\u0301", "\n", "\r\n", "\t", "\u001b[2J", "\u0007",
        "x".repeat(30), " ", "|", "NULL", "\u0000"};

    @Test
    void randomValuesFitTheWidthAndStayPrintable() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            int width = 40 + random.nextInt(80);
            int columns = 1 + random.nextInt(4);
            List<String> names = new ArrayList<>();
            List<String> types = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                names.add(value(random));
                types.add(random.nextBoolean() ? "int4" : "text");
            }
            List<List<String>> rows = new ArrayList<>();
            for (int r = random.nextInt(15); r > 0; r--) {
                List<String> row = new ArrayList<>();
                for (int c = 0; c < columns; c++) {
                    row.add(random.nextInt(5) == 0 ? null : value(random));
                }
                rows.add(row);
            }
            Rows result = new Rows(names, types, rows, rows.size(), false);
            for (ResultTable.Layout layout : ResultTable.Layout.values()) {
                String shown = new ResultTable(false, width, layout).render(result);
                assertThat(shown.chars().filter(ch -> ch != '\n' && Character.isISOControl(ch))).as(shown).isEmpty();
                shown.lines().filter(line -> !line.startsWith("note:")).forEach(line ->
                        assertThat(DisplayText.width(line)).as("%s at width %d:%n%s", layout, width, shown).isLessThanOrEqualTo(width));
            }
        }
    }

    private static String value(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(6); i >= 0; i--) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }
}
