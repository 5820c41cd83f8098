package workbook.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code grades.csv}: one row per student, points per task, then score and max_score (RFC 4180: a field
 * holding a comma, quote or line break is quoted, quotes doubled, so {@code o'brien, "jr"} reads back intact).
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
        return String.join(",", columns.stream().map(GradesCsv::field).toList());
    }

    public static String row(List<String> taskIds, GradeRecord record) {
        List<String> fields = new ArrayList<>();
        fields.add(field(record.student()));
        for (String id : taskIds) {
            GradeRecord.TaskGrade task = record.task(id);
            fields.add(Integer.toString(task == null ? 0 : task.points()));
        }
        fields.add(Integer.toString(record.score()));
        fields.add(Integer.toString(record.maxScore()));
        return String.join(",", fields);
    }

    public static void write(Path file, List<String> taskIds, List<GradeRecord> records) throws IOException {
        StringBuilder csv = new StringBuilder(header(taskIds)).append("\r\n");
        for (GradeRecord record : records) {
            csv.append(row(taskIds, record)).append("\r\n");
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0
                && value.equals(value.strip())) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
