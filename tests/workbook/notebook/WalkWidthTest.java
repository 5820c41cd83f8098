package workbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import workbook.Slow;
import workbook.TestDatabase;
import workbook.db.ConnectionInfo;
import workbook.terminal.DisplayText;

/** The walk's screens in a real pseudo-terminal fit its width, measured as a terminal does (CJK and emoji take two). */
@Slow
class WalkWidthTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CJK = "顧客データは PostgreSQL のテーブルに保存されます 🎉 メールアドレスは一意です 😀 索引を作りましょう。"
            + "顧客データは毎日増えていきます 🚀 だから制約が大切です。";

    @TempDir
    Path dir;

    @BeforeEach
    void needsAPseudoTerminal() {
        Assumptions.assumeTrue(PseudoTerminal.available(), "util-linux `script` is not installed");
    }

    @ParameterizedTest
    @ValueSource(ints = {80, 200})
    void noLineOfTheWalkIsWiderThanTheTerminal(int columns) throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("walk_width_" + columns);
        Path notes = dir.resolve("wide.md");
        Files.writeString(notes, """
                # 幅 🎉 A lesson whose every line has to fit a terminal of eighty columns or two hundred

                %s

                A paragraph in English that is long enough to wrap several times on a terminal of eighty columns,
                with `inline code` and **bold words** and a [link](https://www.postgresql.org/docs/14/) inside it.

                ```sql id=a-step-whose-id-is-long
                SELECT repeat('wide ', 50) AS wide_value, 'and another column' AS other, 'and a third one here' AS third;
                ```

                ## A step whose title alone is long enough to wrap the header of an eighty column terminal

                ```sql id=long-title
                SELECT 2 AS two;
                ```

                The end.
                """.formatted(CJK));
        try (PseudoTerminal pty = PseudoTerminal.start(InteractiveWalkTest.lesson(notes, db), dir, columns)) {
            pty.expect("q quit", WAIT);
            pty.type("\r");
            pty.expect("q quit", WAIT);
            pty.type("\r");
            pty.expect("End of the lesson", WAIT);
            pty.expect("your own SQL/Java", WAIT);
            pty.type("l");
            pty.expect("a-step-whose-id-is-long", WAIT);
            pty.type(":");
            pty.expect("=> ", WAIT);
            // typed lines stay short: JLine echoes them, and a terminal (not the workbook) wraps what a learner types
            pty.type("SELECT * FROM a_table_whose_name_is_long_enough_to_wrap_the_error_xyz;\r");
            pty.expect("=> ", WAIT);
            pty.type("SELECT repeat('note ', 30) AS remark;\r");
            pty.expect("(1 row)", WAIT);
            pty.expect("=> ", WAIT);
            pty.type("\r");
            pty.expect("End of the lesson", WAIT);
            pty.type("q");
            assertThat(pty.exitCode(WAIT)).isZero();

            List<String> lines = pty.lines();
            assertThat(lines).as("the screen at %d columns", columns).allSatisfy(l -> assertThat(DisplayText.width(l)).isLessThanOrEqualTo(columns));
            assertThat(String.join("\n", lines)).contains("relation \"a_table_whose_name_is_long_enough", "wide_value", "note note note");
            List<String> cjk = lines.stream().filter(l -> l.contains("顧客") || l.contains("索引") || l.contains("制約")).toList();
            if (columns == 80) {
                // counted as one column each, these lines would be twice as wide as the terminal
                assertThat(cjk).hasSizeGreaterThan(1);
                assertThat(cjk.get(0)).startsWith("顧客データは");
                assertThat(DisplayText.width(cjk.get(0))).isGreaterThan(70);
                int header = indexOf(lines, "── Step 2 of 2 · A step whose title");
                assertThat(lines.get(header + 1)).startsWith("   ").doesNotStartWith("    ");
                assertThat(lines.subList(header, header + 3)).noneSatisfy(l -> assertThat(l).endsWith("·"));
                assertThat(lines).contains("Enter run · s skip · r run again · b back · j jump · l list", ": your own SQL/Java · q quit");
            } else {
                // prose and headers stop at 100 columns for readability, however wide the terminal
                int header = indexOf(lines, "── Step 2 of 2 · A step whose title");
                assertThat(DisplayText.width(lines.get(header))).isBetween(90, 100);
                assertThat(DisplayText.width(lines.get(header + 1))).isEqualTo(100);
                assertThat(lines).contains("Enter run · s skip · r run again · b back · j jump · l list · : your own SQL/Java · q quit");
            }
        }
    }

    @Test
    void aResizeBetweenStepsLaysOutTheNextStepAtTheNewWidth() throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("walk_resize");
        Path notes = dir.resolve("resize.md");
        Files.writeString(notes, """
                # Resize

                ```sql id=first
                SELECT 1 AS one;
                ```

                Prose after the resize, long enough to wrap at sixty columns but not at a hundred: it has two lines.

                ```sql id=second
                SELECT 'a value long enough to be wider than sixty columns when it sits in a table' AS after_the_resize, 2 AS two;
                ```
                """);
        try (PseudoTerminal pty = PseudoTerminal.start(InteractiveWalkTest.lesson(notes, db), dir, 100)) {
            pty.expect("q quit", WAIT);
            pty.resize(60);
            pty.type("\r");
            assertThat(pty.expect("q quit", WAIT)).contains("Prose after the resize, long enough to wrap at sixty columns\nbut not at a hundred: it has two lines.");
            pty.type("\r");
            String table = pty.expect("(1 row)", WAIT);
            assertThat(table).contains("-[ RECORD 1 ]");
            pty.type("q");
            assertThat(pty.exitCode(WAIT)).isZero();
            List<String> lines = pty.lines();
            assertThat(DisplayText.width(lines.get(indexOf(lines, "── Step 1 of 2")))).isEqualTo(100);
            assertThat(DisplayText.width(lines.get(indexOf(lines, "── Step 2 of 2")))).isEqualTo(60);
            assertThat(lines.subList(indexOf(lines, "Prose after the resize"), lines.size())).allSatisfy(l -> assertThat(DisplayText.width(l)).isLessThanOrEqualTo(60));
        }
    }

    private static int indexOf(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with `" + start + "` in:\n" + String.join("\n", lines));
    }
}
