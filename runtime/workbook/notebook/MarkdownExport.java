package workbook.notebook;

import java.util.Map;
import java.util.stream.Collectors;

/** A run as one Markdown page: the lesson as written (placeholders filled), each cell's output under it. */
final class MarkdownExport {
    private final RunResults results;
    private final Placeholders placeholders;

    MarkdownExport(RunResults results, Placeholders placeholders) {
        this.results = results;
        this.placeholders = placeholders;
    }

    String markdown() {
        StringBuilder page = new StringBuilder();
        OutputView plain = OutputView.forExport(100);
        for (Cell cell : results.notebook().cells()) {
            if (cell instanceof ProseCell prose) {
                page.append(placeholders.fill(prose.markdown())).append("\n\n");
            } else if (cell instanceof CodeCell code) {
                String source = placeholders.fill(code.source());
                String fence = fence(source);
                String where = where(code);
                if (!where.isEmpty()) {
                    // GitHub shows only a fence's first word, so say where the cell runs in the text
                    page.append('_').append(where).append(":_\n\n");
                }
                page.append(fence).append(code.language()).append(attributes(code.attributes())).append('\n')
                        .append(source).append('\n').append(fence).append('\n');
                if (code.hint() != null) {
                    page.append("<!-- hint: ").append(code.hint()).append(" -->\n");
                }
                page.append('\n');
                results.latest(code).ifPresent(run -> {
                    String output = plain.render(run.output());
                    String outFence = fence(output);
                    page.append("Output:\n\n").append(outFence).append("text\n").append(output).append('\n').append(outFence).append("\n\n");
                    for (Output out : run.output().outputs()) {
                        if (out instanceof Output.Chart chart) {
                            // the image inside the page: one file to hand out, as the .ipynb is
                            page.append("<img alt=\"").append(chart.title().replace("\"", "&quot;")).append("\" src=\"data:image/svg+xml;base64,")
                                    .append(java.util.Base64.getEncoder().encodeToString(chart.svg().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                                    .append("\">\n\n");
                        }
                    }
                });
            }
        }
        return page.toString().stripTrailing() + "\n";
    }

    /** "In session b, on crm_lab_acid" for a cell that runs anywhere but the main session on crm_db. */
    private static String where(CodeCell code) {
        String session = code.attributes().get("session");
        String database = code.attributes().get("database");
        return (session == null ? "" : "In session " + session) + (database == null ? ""
                : (session == null ? "On " : ", on ") + database);
    }

    private static String attributes(Map<String, String> attributes) {
        return attributes.entrySet().stream()
                .map(e -> " " + e.getKey() + "=" + (e.getValue().contains(" ") ? "\"" + e.getValue() + "\"" : e.getValue()))
                .collect(Collectors.joining());
    }

    /** A fence longer than any run of backticks inside, so outputs holding ``` stay inside their block. */
    private static String fence(String text) {
        int longest = 0;
        int run = 0;
        for (char c : text.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }
}
