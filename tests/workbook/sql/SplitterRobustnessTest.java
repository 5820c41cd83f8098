package workbook.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever a learner types (half-finished quotes, stray dollars, backslashes), the splitter answers and stays truthful. */
class SplitterRobustnessTest {
    private static final String[] PIECES = {"'", "\"", "$", "$$", "$t$", ";", "--", "/*", "*/", "\\", "\\\\", "\n", "\r\n",
        "(", ")", "E'", "a", "b1", " ", "SELECT", "BEGIN", "END", "CASE", "CREATE", "FUNCTION", "é", "😀", "\t", "\uFEFF"};

    @Test
    void randomSourcesNeverBreakItAndEveryStatementIsFoundWhereItSaysItStarts() {
        Random random = new Random(20261124);
        for (int round = 0; round < 5000; round++) {
            StringBuilder source = new StringBuilder();
            int pieces = random.nextInt(40);
            for (int i = 0; i < pieces; i++) {
                source.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String text = source.toString();
            List<SqlStatement> statements = StatementSplitter.split(text);
            String normalised = SqlSource.normaliseLineEnds(text.startsWith("\uFEFF") ? text.substring(1) : text);
            List<String> lines = List.of(normalised.split("\n", -1));
            for (SqlStatement statement : statements) {
                assertThat(statement.text()).as("source %s", text).isNotBlank();
                String line = lines.get(statement.line() - 1);
                int index = line.offsetByCodePoints(0, statement.column() - 1);
                String firstLine = statement.text().split("\n", -1)[0];
                assertThat(line.substring(index)).as("source %s", text).startsWith(firstLine);
            }
        }
    }
}
