package workbook.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import workbook.sql.StatementOutcome.Rows;

class ResultTableTest {
    private static Rows rows(List<String> columns, List<String> types, List<List<String>> values) {
        return new Rows(columns, types, values, values.size(), false);
    }

    private static String plain(Rows rows, int width) {
        return new ResultTable(false, width).render(rows);
    }

    @Test
    void numbersAlignRightTextLeftHeadersCentred() {
        Rows rows = rows(List.of("id", "first_name", "score"), List.of("int4", "varchar", "numeric"), List.of(
                List.of("1", "Alice", "9.5"),
                List.of("12", "Bob", "10.25")));
        assertThat(plain(rows, 100)).isEqualTo("""
                 id | first_name | score
                ----+------------+-------
                  1 | Alice      |   9.5
                 12 | Bob        | 10.25
                (2 rows)""");
    }

    @Test
    void nullIsShownAsNullAndDimmedWhenColourIsOn() {
        Rows rows = rows(List.of("phone", "nickname"), List.of("varchar", "text"), List.of(
                Arrays.asList(null, "NULL"),
                Arrays.asList("555", null)));
        assertThat(plain(rows, 100)).isEqualTo("""
                 phone | nickname
                -------+----------
                 NULL  | NULL
                 555   | NULL
                (2 rows)
                note: nickname holds the text 'NULL', which is a string, not a SQL NULL""");
        String coloured = new ResultTable(true, 100).render(rows);
        assertThat(coloured).contains("\u001b[2mNULL\u001b[0m  | NULL\n")
                .as("the string 'NULL' is not dimmed").contains(" 555   | \u001b[2mNULL\u001b[0m\n");
    }

    @Test
    void wideValuesAreCutToFitTheWidth() {
        String longText = "x".repeat(200);
        Rows rows = rows(List.of("id", "bio"), List.of("int4", "text"), List.of(List.of("1", longText)));
        String table = new ResultTable(false, 40, ResultTable.Layout.TABLE).render(rows);
        assertThat(table.lines()).allSatisfy(line -> assertThat(DisplayText.width(line)).isLessThanOrEqualTo(40));
        assertThat(table).contains("  1 | " + "x".repeat(32) + "…");
    }

    @Test
    void wideCharactersCountTwoColumns() {
        Rows rows = rows(List.of("name", "n"), List.of("text", "int4"), List.of(List.of("日本", "1"), List.of("ab", "2")));
        assertThat(plain(rows, 100)).isEqualTo("""
                 name | n
                ------+---
                 日本 | 1
                 ab   | 2
                (2 rows)""");
    }

    @Test
    void cjkAndEmojiValuesAndHeadersAlign() {
        Rows rows = rows(List.of("名前", "n", "note"), List.of("text", "int4", "text"), List.of(
                List.of("日本語", "1", "😀 ok"), List.of("ab", "22", "x"), List.of("中", "3", "顧客")));
        assertThat(plain(rows, 100)).isEqualTo("""
                  名前  | n  | note
                --------+----+-------
                 日本語 |  1 | 😀 ok
                 ab     | 22 | x
                 中     |  3 | 顧客
                (3 rows)""");
    }

    @Test
    void lineBreaksAndControlCharactersCannotBreakTheTable() {
        Rows rows = rows(List.of("v"), List.of("text"), List.of(List.of("a\nb"), List.of("\u001b[31mred")));
        assertThat(plain(rows, 100)).isEqualTo("""
                      v
                -------------
                 a↵b
                 \\x1B[31mred
                (2 rows)""");
    }

    @Test
    void noRowsStillShowsTheHeader() {
        Rows rows = rows(List.of("id", "email"), List.of("uuid", "varchar"), List.of());
        assertThat(plain(rows, 100)).isEqualTo("""
                 id | email
                ----+-------
                (0 rows)""");
    }

    @Test
    void oneRowSaysRow() {
        assertThat(plain(rows(List.of("?column?"), List.of("int4"), List.of(List.of("1"))), 100)).isEqualTo("""
                 ?column?
                ----------
                        1
                (1 row)""");
    }

    @Test
    void truncatedResultsSayHowManyAreShown() {
        List<List<String>> values = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            values.add(List.of(String.valueOf(i)));
        }
        Rows rows = new Rows(List.of("g"), List.of("int4"), values, 5000, true);
        assertThat(plain(rows, 100)).endsWith(" 3\n(showing 3 of 5000 rows)");
    }

    @Test
    void aFewRowsTooWideForTheTerminalAreShownOneRecordPerBlock() {
        Rows rows = rows(List.of("id", "email", "password_hash", "phone"), List.of("uuid", "varchar", "varchar", "varchar"),
                List.of(Arrays.asList("0b7f6a52-3c1e-4b8e-9d7a-1f2e3d4c5b6a", "alice@example.com",
                        "$2a$10$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ012", null)));
        assertThat(plain(rows, 80)).isEqualTo("""
                -[ RECORD 1 ]-+---------------------------------------------------------------
                id            | 0b7f6a52-3c1e-4b8e-9d7a-1f2e3d4c5b6a
                email         | alice@example.com
                password_hash | $2a$10$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ012
                phone         | NULL
                (1 row)""");
    }

    @Test
    void manyRowsTooWideStayATableWithValuesCut() {
        List<List<String>> values = new ArrayList<>();
        for (int i = 0; i < ResultTable.EXPANDED_MAX_ROWS + 1; i++) {
            values.add(List.of(String.valueOf(i), "y".repeat(120)));
        }
        String table = plain(rows(List.of("n", "v"), List.of("int4", "text"), values), 60);
        assertThat(table).startsWith(" n  |").doesNotContain("RECORD");
        assertThat(table.lines()).allSatisfy(line -> assertThat(DisplayText.width(line)).isLessThanOrEqualTo(60));
    }

    @Test
    void aTableLayoutCanBeForced() {
        Rows rows = rows(List.of("a", "b"), List.of("text", "text"), List.of(List.of("x".repeat(50), "y".repeat(50))));
        assertThat(new ResultTable(false, 60, ResultTable.Layout.TABLE).render(rows)).doesNotContain("RECORD").contains("…");
    }
}
