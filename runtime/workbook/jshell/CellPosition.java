package workbook.jshell;

/** A place in a cell's source, as a learner reads it: line and column from 1, and that line's text. */
record CellPosition(int line, int column, String lineText) {

    static CellPosition at(String cell, int offset) {
        int clamped = Math.max(0, Math.min(offset, cell.length()));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < clamped; i++) {
            if (cell.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int lineEnd = cell.indexOf('\n', lineStart);
        String text = cell.substring(lineStart, lineEnd < 0 ? cell.length() : lineEnd);
        return new CellPosition(line, clamped - lineStart + 1, text);
    }

    /** The line's text with a caret under the column, both indented, as javac shows it. */
    String pointer() {
        String pad = lineText.substring(0, Math.min(column - 1, lineText.length())).replaceAll("[^\t]", " ");
        return "    " + lineText + "\n    " + pad + "^";
    }
}
