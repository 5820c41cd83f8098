package workbook.notebook;

import java.time.Duration;

/** One run of one cell: the cell as written, what it showed, and how long it took. */
public record CellRun(CodeCell cell, CellOutput output, Duration elapsed) {
}
