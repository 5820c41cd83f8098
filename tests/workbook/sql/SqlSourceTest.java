package workbook.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlSourceTest {
    @TempDir
    Path dir;

    private SqlText read(byte[] bytes) throws Exception {
        Path file = dir.resolve("02-insert-bob.sql");
        Files.write(file, bytes);
        return SqlSource.read(file);
    }

    @Test
    void aBomIsDroppedAndLinesCountAsUsual() throws Exception {
        SqlText text = read(("\uFEFF-- task\nSELECT 1;").getBytes(StandardCharsets.UTF_8));
        assertThat(text.ok()).isTrue();
        assertThat(text.text()).isEqualTo("-- task\nSELECT 1;");
        assertThat(text.statements()).extracting(SqlStatement::text, SqlStatement::line, SqlStatement::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SELECT 1", 2, 1));
    }

    @Test
    void crlfBecomesLf() throws Exception {
        SqlText text = read("SELECT 1;\r\nSELECT\r\n 2;\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(text.text()).isEqualTo("SELECT 1;\nSELECT\n 2;\n");
        assertThat(text.statements()).extracting(SqlStatement::line).containsExactly(1, 2);
    }

    @Test
    void latin1BytesAreReportedWithLineAndByte() throws Exception {
        byte[] bytes = "-- caf\u00e9\nSELECT 1;\nINSERT INTO users (first_name) VALUES ('Ren\u00e9');".getBytes(StandardCharsets.ISO_8859_1);
        SqlText text = read(bytes);
        assertThat(text.ok()).isFalse();
        assertThat(text.problem()).isEqualTo("not UTF-8 at line 1, byte 0xE9: save the file as UTF-8");
        assertThat(text.text()).contains("\uFFFD");
    }

    @Test
    void validUtf8WithAccentsAndEmojiIsFine() throws Exception {
        SqlText text = read("SELECT 'Ren\u00e9 \uD83D\uDE00';".getBytes(StandardCharsets.UTF_8));
        assertThat(text.ok()).isTrue();
        assertThat(text.text()).isEqualTo("SELECT 'Ren\u00e9 \uD83D\uDE00';");
    }

    @Test
    void aTruncatedMultiByteSequenceAtTheEndIsReported() throws Exception {
        byte[] bytes = {'S', 'E', 'L', 'E', 'C', 'T', ' ', '1', ';', '\n', (byte) 0xC3};
        assertThat(read(bytes).problem()).isEqualTo("not UTF-8 at line 2, byte 0xC3: save the file as UTF-8");
    }

    @Test
    void emptyAndCommentOnlyFilesHoldNoStatements() throws Exception {
        assertThat(read(new byte[0]).isEmpty()).isTrue();
        assertThat(read("-- write your SQL below\n\n".getBytes(StandardCharsets.UTF_8)).isEmpty()).isTrue();
        assertThat(read("SELECT 1".getBytes(StandardCharsets.UTF_8)).isEmpty()).isFalse();
    }

    @Test
    void utf16FilesAreNamedAsSuch() throws Exception {
        SqlText text = read(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "SELECT 1;".getBytes(StandardCharsets.UTF_16LE)));
        assertThat(text.problem()).isEqualTo("saved as UTF-16, not UTF-8: save the file as UTF-8");
        assertThat(text.isEmpty()).isTrue();
    }

    @Test
    void zeroBytesAreNotSqlText() throws Exception {
        SqlText text = read(new byte[] {'S', 'E', 'L', 'E', 'C', 'T', ' ', '1', ';', '\n', 0, 1, 2});
        assertThat(text.problem()).isEqualTo("a zero byte at line 2: this is not a text file; save your SQL as plain UTF-8 text");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
