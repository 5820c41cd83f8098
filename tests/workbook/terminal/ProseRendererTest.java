package workbook.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProseRendererTest {
    private final ProseRenderer plain = new ProseRenderer(40, false);

    @Test
    void paragraphsWrapAtTheWidthWithoutBreakingWords() {
        String out = plain.render("PostgreSQL keeps the core data of the CRM consistent with ACID transactions, even at a hyperscale.");
        assertThat(out.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(40));
        assertThat(out.replace("\n", " ")).isEqualTo("PostgreSQL keeps the core data of the CRM consistent with ACID transactions, even at a hyperscale.");
    }

    @Test
    void headingsListsCodeQuotesAndLinksReadWellAsPlainText() {
        String out = new ProseRenderer(100, false).render("""
                # Day 3

                Use `psql` and **bold** _words_, see [the docs](https://www.postgresql.org/docs/14/).

                - one
                - two
                  1. nested first
                  2. nested second

                > a quote

                ```bash
                docker run postgres:14
                ```

                ---
                <!-- hint: not for readers -->
                """);
        assertThat(out).contains("Day 3\n═════\n\nUse");
        assertThat(out).contains("Use `psql` and bold words, see the docs (https://www.postgresql.org/docs/14/).");
        assertThat(out).contains("• one\n• two\n  1. nested first\n  2. nested second");
        assertThat(out).contains("│ a quote");
        assertThat(out).contains("    docker run postgres:14");
        assertThat(out).contains("─".repeat(100));
        assertThat(out).doesNotContain("hint", "```", "**", "<!--");
    }

    @Test
    void listItemsWrapUnderTheirOwnText() {
        String out = plain.render("- a list item long enough that it has to wrap onto a second line\n");
        assertThat(out.lines().toList()).hasSizeGreaterThan(1);
        assertThat(out.lines().skip(1)).allSatisfy(l -> assertThat(l).startsWith("  ").doesNotStartWith("   "));
    }

    @Test
    void colourStylesHeadingsAndCodeButKeepsTheVisibleWidth() {
        ProseRenderer coloured = new ProseRenderer(40, true);
        String out = coloured.render("## Connect\n\nRun `psql -h localhost` and then type some words to make it wrap around.");
        assertThat(out).contains("\u001b[");
        assertThat(out.lines()).allSatisfy(l -> assertThat(DisplayText.width(l)).isLessThanOrEqualTo(40));
        assertThat(out.replaceAll("\u001b\\[[0-9;]*m", "")).contains("Run psql -h localhost");
    }

    @Test
    void cjkAndEmojiTakeTwoColumnsSoProseWrapsAtTheDisplayWidth() {
        String markdown = "# 顧客データ 🎉\n\n顧客 データ は PostgreSQL の テーブル に 保存 されます 🎉 メール アドレス は 一意 です 😀 索引 を 作りましょう。";
        // laid out by hand and measured with Python's unicodedata.east_asian_width: no line over 30 columns
        String expected = """
                顧客データ 🎉
                ═════════════

                顧客 データ は PostgreSQL の
                テーブル に 保存 されます 🎉
                メール アドレス は 一意 です
                😀 索引 を 作りましょう。""";
        assertThat(new ProseRenderer(30, false).render(markdown)).isEqualTo(expected);
        String coloured = new ProseRenderer(30, true).render(markdown);
        assertThat(coloured).contains("\u001b[");
        assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(expected);
    }

    @Test
    void aShortCommandInCodeStaysOnOneLineWithPlainSpaces() {
        String out = new ProseRenderer(40, true).render("> **Lab:** try it right now: `./jbang lesson3-acid`, or later.\n");

        String command = out.lines().filter(l -> l.contains("jbang")).findFirst().orElseThrow();
        assertThat(org.jline.utils.AttributedString.stripAnsi(command)).contains("./jbang lesson3-acid");
        assertThat(out).doesNotContain("\u00A0");
    }
}
