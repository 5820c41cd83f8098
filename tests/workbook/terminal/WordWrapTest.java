package workbook.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import workbook.terminal.Console.Style;

class WordWrapTest {

    @Test
    void aLineThatFitsIsLeftExactlyAsItIs() {
        String line = "  two  spaces kept   ";
        assertThat(WordWrap.lines(line, 80)).containsExactly(line);
    }

    @Test
    void wordsAreNeverBrokenAndEveryLineFits() {
        String text = "Next: write task 1 in exercises/lesson3/01-add-columns.sql, then `./jbang check lesson3 --task 1`. Stuck? `./jbang hint lesson3 1`";
        List<String> lines = WordWrap.lines(text, 80);
        assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(DisplayText.width(l)).isLessThanOrEqualTo(80));
        assertThat(String.join(" ", lines).replaceAll(" +", " ")).isEqualTo(text);
        assertThat(lines.get(1)).isEqualTo("      `./jbang check lesson3 --task 1`. Stuck? `./jbang hint lesson3 1`");
    }

    @Test
    void aQuotedCommandStaysOnOneLineUnlessItIsWiderThanALine() {
        assertThat(WordWrap.lines("Check: `./jbang check lesson3 --task 1`.", 30))
                .containsExactly("Check: `./jbang check lesson3", "       --task 1`.");
        assertThat(WordWrap.lines("Check: `./jbang check lesson3 --task 1`.", 38, 0))
                .containsExactly("Check:", "`./jbang check lesson3 --task 1`.");
    }

    @Test
    void continuationLinesHangUnderTheTextAfterIndentMarkAndLabel() {
        assertThat(WordWrap.lines("    note: not checked with --live: task 4 has since removed what it looks at", 40))
                .containsExactly("    note: not checked with --live: task",
                        "          4 has since removed what it",
                        "          looks at");
        assertThat(WordWrap.lines("✗ 5. Bonus: an index for login lookups  0/2", 24))
                .containsExactly("✗ 5. Bonus: an index for", "  login lookups  0/2");
        assertThat(WordWrap.lines("  hint 1/3: One ALTER TABLE can add several columns", 30))
                .containsExactly("  hint 1/3: One ALTER TABLE", "            can add several", "            columns");
        assertThat(WordWrap.lines("ERROR:  null value in column \"password_hash\" violates not-null", 40))
                .containsExactly("ERROR:  null value in column", "        \"password_hash\" violates", "        not-null");
    }

    @Test
    void aHangTooDeepForTheWidthFallsBackToTheIndent() {
        assertThat(WordWrap.lines("  Abcdefghijklmno: one two three four five", 20))
                .containsExactly("  Abcdefghijklmno:", "  one two three four", "  five");
    }

    @Test
    void aWordWiderThanTheLineIsTheOnlyThingCut() {
        List<String> lines = WordWrap.lines("see Optional[User[id=3b97d4f2-8691-4943-a1da-41e53556b9ee,email=alice@example.com]] there", 20, 2);
        assertThat(lines).allSatisfy(l -> assertThat(DisplayText.width(l)).isLessThanOrEqualTo(20));
        assertThat(lines.get(0)).isEqualTo("see");
        assertThat(lines.get(1)).isEqualTo("  Optional[User[id=3");
        assertThat(String.join("", lines).replace(" ", "")).isEqualTo("seeOptional[User[id=3b97d4f2-8691-4943-a1da-41e53556b9ee,email=alice@example.com]]there");
    }

    @Test
    void cjkAndEmojiCountTwoColumnsAndAreNeverSplitInHalf() {
        List<String> lines = WordWrap.lines("顧客 データ は PostgreSQL の テーブル に 保存 されます 🎉🎉🎉🎉🎉🎉🎉", 12, 0);
        assertThat(lines).containsExactly("顧客 データ", "は", "PostgreSQL", "の テーブル", "に 保存", "されます", "🎉🎉🎉🎉🎉🎉", "🎉");
        assertThat(WordWrap.lines("漢字漢字漢", 5, 0)).containsExactly("漢字", "漢字", "漢");
    }

    @Test
    void stylesAreClosedAtEachBreakAndOpenedAgainOnTheNextLine() {
        String red = Style.RED.paint("one two three four five six");
        List<String> lines = WordWrap.lines("✗ " + red, 14);
        assertThat(lines).hasSize(3).allSatisfy(l -> {
            assertThat(DisplayText.width(l)).isLessThanOrEqualTo(14);
            assertThat(l).contains("\u001b[31m").endsWith("\u001b[0m");
        });
        assertThat(String.join("|", lines).replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo("✗ one two|  three four|  five six");
    }

    @Test
    void aNoBreakSpaceHoldsWordsTogether() {
        String held = "r" + WordWrap.NO_BREAK + "run" + WordWrap.NO_BREAK + "again";
        assertThat(WordWrap.lines("Enter run · s skip · " + held, 22, 0)).containsExactly("Enter run · s skip ·", held);
    }
}
