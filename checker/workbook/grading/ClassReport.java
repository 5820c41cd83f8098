//DEPS gg.jte:jte:3.2.5
package workbook.grading;

import gg.jte.TemplateException;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import workbook.checker.task.TaskSet;

/**
 * report.html, the class at a glance: {@link ClassOverview} rendered by the JTE template ClassReport.jte beside
 * this class (a resource in both builds, compiled by {@link ReportTemplates}), which escapes every value for
 * where it stands in the HTML: a submission's SQL is hostile and must read as text. One self-contained page:
 * inline CSS and SVG, no script, nothing fetched.
 */
public final class ClassReport {
    public static final String FILE = "report.html";
    static final String TEMPLATE = "ClassReport.jte";

    private ClassReport() {
    }

    public static void write(Path file, TaskSet set, List<GradeRecord> records) throws IOException {
        Files.writeString(file, render(ClassOverview.of(set, records)), StandardCharsets.UTF_8);
    }

    static String render(ClassOverview overview) throws IOException {
        try {
            StringOutput out = new StringOutput();
            ReportTemplates.engine(TEMPLATE, List.of(ClassOverview.class, AnswerSimilarity.class)).render(TEMPLATE, overview, out);
            return out.toString();
        } catch (TemplateException e) {
            throw new IOException("cannot render " + FILE + ": " + e.getMessage(), e);
        }
    }
}
