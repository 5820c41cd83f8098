package workbook.jshell;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Cuts a Java cell into the snippets JShell evaluates one at a time (a statement, a declaration, an
 * import, an expression), remembering where each starts in the cell so errors can name the cell's line.
 */
final class CellSplitter {
    /** One snippet's source as JShell wants it, and the offset of its first character in the cell. */
    record Piece(String source, int offset) {
    }

    private CellSplitter() {
    }

    static List<Piece> split(SourceCodeAnalysis analysis, String cell) {
        List<Piece> pieces = new ArrayList<>();
        int consumed = 0;
        String rest = cell;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness completeness = info.completeness();
            if (completeness == Completeness.EMPTY) {
                break;
            }
            if (!completeness.isComplete()) {
                // an unfinished tail (a missing brace) goes to the compiler whole, which names what is missing
                pieces.add(new Piece(rest, consumed + leadingSpace(rest)));
                break;
            }
            // leading blank lines would shift JShell's own line numbers away from the cell's
            String source = info.source().stripLeading();
            int length = rest.length() - info.remaining().length();
            pieces.add(new Piece(source, consumed + startOf(rest, source)));
            consumed += length;
            rest = info.remaining();
        }
        return pieces;
    }

    /** Where the snippet's text begins in the remaining cell (JShell may add a ';' or drop leading comments). */
    private static int startOf(String rest, String source) {
        int blank = leadingSpace(rest);
        String text = rest.substring(blank);
        if (text.startsWith(source) || text.startsWith(source.substring(0, source.length() - 1))) {
            return blank;
        }
        String head = source.strip();
        int probe = Math.min(head.length(), 20);
        int at = probe == 0 ? -1 : rest.indexOf(head.substring(0, probe));
        return at >= 0 ? at : leadingSpace(rest);
    }

    private static int leadingSpace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
