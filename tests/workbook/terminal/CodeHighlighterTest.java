package workbook.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeHighlighterTest {
    private static final String SQL = "-- who is there\nSELECT email FROM users WHERE email = 'alice@example.com';";

    @Test
    void withoutColourTheCodeIsUntouched() {
        assertThat(new CodeHighlighter(false).highlight(SQL, "sql")).isEqualTo(SQL);
    }

    @Test
    void colourMarksKeywordsStringsAndCommentsButChangesNoCharacter() {
        String painted = new CodeHighlighter(true).highlight(SQL, "sql");
        assertThat(painted).contains("\u001b[34mSELECT\u001b[0m", "\u001b[32m'alice@example.com'\u001b[0m", "\u001b[2m-- who is there\u001b[0m");
        assertThat(painted).doesNotContain("\u001b[34memail");
        assertThat(painted.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(SQL);
    }

    @Test
    void javaKeywordsAreJavasAndATextBlockStaysOneString() {
        String java = "var sql = \"\"\"\n    SELECT 1\n    \"\"\";\nreturn sql;";
        String painted = new CodeHighlighter(true).highlight(java, "java");
        assertThat(painted).contains("\u001b[34mvar\u001b[0m", "\u001b[34mreturn\u001b[0m").doesNotContain("\u001b[34mSELECT");
        assertThat(painted.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(java);
    }

    @Test
    void aCommentOverSeveralLinesIsColouredLineByLineSoAnIndentBeforeEachLineStaysPlain() {
        String sql = "/* one\ntwo */ SELECT 1;";
        String painted = new CodeHighlighter(true).highlight(sql, "sql");
        assertThat(painted).startsWith("\u001b[2m/* one\u001b[0m\n\u001b[2mtwo */\u001b[0m ");
        assertThat(painted.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(sql);
    }
}
