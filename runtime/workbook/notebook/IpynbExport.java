//DEPS com.fasterxml.jackson.core:jackson-databind:2.20.1
package workbook.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import workbook.notebook.CellOutput.Outcome;

/**
 * A run as a Jupyter notebook (nbformat 4.5) for a Java kernel (IJava's kernelspec): prose becomes
 * markdown cells, java cells code cells, and every cell keeps the outputs the run produced.
 * <p>
 * SQL (and check) cells become code cells whose first line is the cell magic {@code %%sql}, with the
 * language in the cell's metadata: Jupyter has no per-cell language, and {@code %%sql} is the convention
 * readers know (ipython-sql, JupySQL), so the cell reads as SQL at a glance, keeps its outputs (only code
 * cells have outputs), and VS Code highlights it through {@code metadata.vscode.languageId}.
 */
final class IpynbExport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final RunResults results;
    private final Placeholders placeholders;
    private int executionCount;

    IpynbExport(RunResults results, Placeholders placeholders) {
        this.results = results;
        this.placeholders = placeholders;
    }

    String json() {
        ObjectNode notebook = JSON.createObjectNode();
        ObjectNode metadata = notebook.putObject("metadata");
        metadata.putObject("kernelspec").put("name", "java").put("display_name", "Java").put("language", "java");
        metadata.putObject("language_info").put("name", "java");
        metadata.put("title", results.notebook().title());
        notebook.put("nbformat", 4);
        notebook.put("nbformat_minor", 5);
        ArrayNode cells = notebook.putArray("cells");
        int index = 0;
        for (Cell cell : results.notebook().cells()) {
            String id = "cell-" + (++index);
            if (cell instanceof ProseCell prose) {
                ObjectNode markdown = cells.addObject().put("cell_type", "markdown").put("id", id);
                markdown.putObject("metadata");
                markdown.set("source", lines(placeholders.fill(prose.markdown())));
            } else if (cell instanceof CodeCell code) {
                cells.add(codeCell(code, id));
            }
        }
        try {
            return JSON.writeValueAsString(notebook) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode codeCell(CodeCell code, String id) {
        // nbformat 4.5 ids: 1-64 of [A-Za-z0-9_-], unique; a step's own id reads best where it fits
        String cellId = code.id() != null && code.id().matches("[A-Za-z0-9_-]{1,64}") ? code.id() : id;
        ObjectNode cell = JSON.createObjectNode().put("cell_type", "code").put("id", cellId);
        ObjectNode metadata = cell.putObject("metadata");
        String source = placeholders.fill(code.source());
        if (!code.language().equals("java")) {
            // where the cell ran (session=b database=crm_lab_acid) stays visible on the magic line
            source = "%%" + code.language() + code.attributes().entrySet().stream()
                    .filter(a -> a.getKey().equals("session") || a.getKey().equals("database"))
                    .map(a -> " " + a.getKey() + "=" + a.getValue()).collect(java.util.stream.Collectors.joining()) + "\n" + source;
            metadata.put("language", code.language());
            metadata.putObject("vscode").put("languageId", code.language());
        }
        if (code.expectsError()) {
            metadata.putArray("tags").add("raises-exception");
        }
        Optional<CellRun> run = results.latest(code);
        if (run.isPresent()) {
            cell.put("execution_count", ++executionCount);
        } else {
            cell.putNull("execution_count");
        }
        ArrayNode outputs = cell.putArray("outputs");
        run.ifPresent(r -> addOutputs(outputs, r.output()));
        cell.set("source", lines(source));
        return cell;
    }

    private void addOutputs(ArrayNode outputs, CellOutput output) {
        if (output.outcome() == Outcome.EXPECTED_ERROR) {
            stream(outputs, "stdout", "Expected error (this cell shows a failure on purpose):");
        }
        // Jupyter gives a cell one execute_result (its value); further results are display_data
        Output last = output.outputs().stream().filter(Output.Result.class::isInstance).reduce((a, b) -> b).orElse(null);
        for (Output out : output.outputs()) {
            if (out instanceof Output.Printed p) {
                stream(outputs, "stdout", p.text());
            } else if (out instanceof Output.Declared || out instanceof Output.Advice) {
                // for the terminal only: JShell's declarations and keystrokes mean nothing on a published page
                continue;
            } else if (out instanceof Output.Result r) {
                ObjectNode result = outputs.addObject();
                if (out == last) {
                    result.put("output_type", "execute_result").put("execution_count", executionCount);
                } else {
                    result.put("output_type", "display_data");
                }
                ObjectNode data = result.putObject("data");
                data.set("text/plain", lines(r.text()));
                if (r.html() != null) {
                    data.set("text/html", lines(r.html()));
                }
                result.putObject("metadata");
            } else if (out instanceof Output.Error e) {
                ObjectNode error = outputs.addObject().put("output_type", "error").put("ename", e.name()).put("evalue", e.message());
                ArrayNode traceback = error.putArray("traceback");
                traceback.add("ERROR:  " + e.message());
                e.details().forEach(traceback::add);
            } else if (out instanceof Output.Note n) {
                // the workbook's own remarks, apart from the code's output (Jupyter tints stderr)
                stream(outputs, "stderr", "! " + n.text());
            } else if (out instanceof Output.Chart c) {
                ObjectNode chart = outputs.addObject().put("output_type", "display_data");
                ObjectNode data = chart.putObject("data");
                data.set("image/svg+xml", lines(c.svg()));
                data.set("text/plain", lines(c.title()));
                chart.putObject("metadata");
            } else if (out instanceof Output.Verdict v) {
                stream(outputs, "stdout", (v.passed() ? "✓ " : "✗ ") + v.text());
            }
        }
    }

    private static void stream(ArrayNode outputs, String name, String text) {
        ObjectNode stream = outputs.addObject().put("output_type", "stream").put("name", name);
        stream.set("text", lines(text.endsWith("\n") ? text : text + "\n"));
    }

    /** Jupyter's multiline strings: a list of lines, each keeping its newline. */
    private static ArrayNode lines(String text) {
        ArrayNode lines = JSON.createArrayNode();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
