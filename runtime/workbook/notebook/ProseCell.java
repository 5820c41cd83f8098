package workbook.notebook;

/** Markdown the learner reads, exactly as the instructor wrote it (placeholders still unfilled). */
public record ProseCell(String markdown, int line) implements Cell {
}
