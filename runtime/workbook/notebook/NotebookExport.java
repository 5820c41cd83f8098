package workbook.notebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import workbook.UserError;

/** Writes a run's results to FILE.ipynb (Jupyter) or FILE.md (Markdown), chosen by the file's ending. */
public final class NotebookExport {
    private final RunResults results;
    private final Placeholders placeholders;

    public NotebookExport(RunResults results, Placeholders placeholders) {
        this.results = results;
        this.placeholders = placeholders;
    }

    public void writeTo(Path file) {
        String name = file.getFileName().toString();
        String text = name.endsWith(".ipynb") ? new IpynbExport(results, placeholders).json()
                : new MarkdownExport(results, placeholders).markdown();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text);
        } catch (IOException e) {
            throw UserError.badInput("Cannot write " + file + ": " + e.getMessage());
        }
    }
}
