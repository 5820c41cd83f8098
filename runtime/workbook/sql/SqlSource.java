package workbook.sql;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a learner's SQL file safely: UTF-8 with or without a BOM, any line ends, and a clear problem
 * (line and byte) instead of a crash or garbled SQL when an editor saved it in another encoding.
 */
public final class SqlSource {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private SqlSource() {
    }

    /** Reads {@code file}; I/O errors (missing file, no permission) are thrown, encoding problems are reported. */
    public static SqlText read(Path file) throws IOException {
        return decode(file, Files.readAllBytes(file));
    }

    /** Decodes bytes as UTF-8; the first invalid byte becomes the problem, the text keeps U+FFFD there. */
    public static SqlText decode(Path file, byte[] bytes) {
        if (isUtf16(bytes)) {
            // Windows editors' "Unicode": every other byte is 0, nothing in it would run as SQL
            return new SqlText(file, "", "saved as UTF-16, not UTF-8: save the file as UTF-8");
        }
        int offset = startsWithBom(bytes) ? BOM.length : 0;
        String problem = null;
        int bad = firstInvalidByte(bytes, offset);
        int nul = indexOfNul(bytes, offset);
        if (bad >= 0) {
            problem = String.format("not UTF-8 at line %d, byte 0x%02X: save the file as UTF-8",
                    lineAt(bytes, bad), bytes[bad] & 0xFF);
        } else if (nul >= 0) {
            // valid UTF-8, but PostgreSQL refuses a zero byte in a query: this is no text file
            problem = "a zero byte at line " + lineAt(bytes, nul) + ": this is not a text file; save your SQL as plain UTF-8 text";
        }
        String text = new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
        return new SqlText(file, normaliseLineEnds(text), problem);
    }

    /** CRLF and lone CR become \n, so lines and columns count the same on every platform. */
    public static String normaliseLineEnds(String text) {
        if (text.indexOf('\r') < 0) {
            return text;
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static boolean isUtf16(byte[] bytes) {
        return bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF));
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
    }

    /** Index of the first byte that is not part of valid UTF-8, or -1. */
    private static int firstInvalidByte(byte[] bytes, int offset) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return in.position();
        }
        try {
            result = decoder.flush(out);
            return result.isError() ? in.position() : -1;
        } catch (IllegalStateException e) {
            return -1;
        }
    }

    private static int indexOfNul(byte[] bytes, int offset) {
        for (int i = offset; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int lineAt(byte[] bytes, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
