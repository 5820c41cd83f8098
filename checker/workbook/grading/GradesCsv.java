package workbook.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code grades.csv}: one row per student, points per task, then score, max_score, bonus and bonus_max: score
 * counts the bonus points earned, max_score only the required tasks, so a score above max_score is the bonus
 * column's doing, said in the same row (RFC 4180: a field
 * holding a comma, quote or line break is quoted, quotes doubled, so {@code o'brien, "jr"} reads back intact).
 * Names are text: one a spreadsheet would take for a formula gets a leading {@code '} (OWASP's advice).
 */
public final class GradesCsv {
    private GradesCsv() {
    }

    public static String header(List<String> taskIds) {
        List<String> columns = new ArrayList<>();
        columns.add("student");
        columns.addAll(taskIds);
        columns.add("score");
        columns.add("max_score");
        columns.add("bonus");
        columns.add("bonus_max");
        return String.join(",", columns.stream().map(GradesCsv::text).toList());
    }

    public static String row(List<String> taskIds, GradeRecord record) {
        List<String> fields = new ArrayList<>();
        fields.add(text(record.student()));
        for (String id : taskIds) {
            GradeRecord.TaskGrade task = record.task(id);
            fields.add(Integer.toString(task == null ? 0 : task.points()));
        }
        fields.add(Integer.toString(record.score()));
        fields.add(Integer.toString(record.maxScore()));
        fields.add(Integer.toString(record.bonus()));
        fields.add(Integer.toString(record.bonusMax()));
        return String.join(",", fields);
    }

    public static void write(Path file, List<String> taskIds, List<GradeRecord> records) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(header(taskIds));
        records.forEach(record -> lines.add(row(taskIds, record)));
        writeLines(file, lines);
    }

    /** CSV lines, each already joined from its fields, as a file: UTF-8, CRLF after each line as RFC 4180 has it. */
    static void writeLines(Path file, List<String> lines) throws IOException {
        StringBuilder csv = new StringBuilder();
        lines.forEach(line -> csv.append(line).append("\r\n"));
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    /**
     * A text field a spreadsheet shows as written: a student names their folder, so {@code =HYPERLINK(...)}
     * would otherwise be a live formula on the instructor's machine. Spreadsheets start a formula at
     * = + - @, and may drop a leading tab, line break or space before looking.
     */
    static String text(String value) {
        String trimmed = value.stripLeading();
        boolean formula = value.startsWith("\t") || value.startsWith("\r") || value.startsWith("\n")
                || (!trimmed.isEmpty() && "=+-@".indexOf(trimmed.charAt(0)) >= 0);
        return field(formula ? "'" + value : value);
    }

    /** A field as RFC 4180 writes it, quoted only when it must be; for identifiers, which {@link #text} could change. */
    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0
                && value.equals(value.strip())) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
