package workbook.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlCommentsTest {
    @Test
    void commentsGoAndLinesKeepTheirPlaces() {
        String sql = "-- task 2\nINSERT INTO users (email) -- who\nVALUES ('bob@example.com'); /* two\nlines */ SELECT 1;\n";

        assertThat(SqlComments.strip(sql).lines().toList())
                .containsExactly("", "INSERT INTO users (email) ", "VALUES ('bob@example.com'); ", "  SELECT 1;");
    }

    @Test
    void whatLooksLikeACommentInsideQuotesStays() {
        String sql = "SELECT '-- not a comment', \"a/*b\", E'it\\'s -- x', $$ /* body */ $$, $f$--$f$; /* /* nested */ still */ SELECT 2;";

        assertThat(SqlComments.strip(sql))
                .isEqualTo("SELECT '-- not a comment', \"a/*b\", E'it\\'s -- x', $$ /* body */ $$, $f$--$f$;   SELECT 2;");
    }
}
