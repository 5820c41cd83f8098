package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradesCsvTest {
    static final List<String> TASKS = List.of("01-add-columns", "02-insert-bob");

    @TempDir
    Path dir;

    @Test
    void aStudentNameASpreadsheetWouldRunAsAFormulaIsWrittenAsText() throws IOException {
        List<String> hostile = List.of("=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1", " =1+1");
        Map<String, List<String>> rows = write(hostile);
        for (String name : hostile) {
            assertThat(rows).as(name).containsKey("'" + name);
            assertThat(rows.get("'" + name)).as("the points stay numbers").containsExactly("'" + name, "0", "0", "0", "0", "0", "0");
        }
        assertThat(Files.readString(dir.resolve("grades.csv")))
                .as("still RFC 4180: quoted, quotes doubled")
                .contains("\r\n\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",0,0,0,0,0,0\r\n", "\r\n'+1+1,0,0,0,0,0,0\r\n");
    }

    @Test
    void ordinaryNamesAndTheHeaderAreUnchanged() throws IOException {
        Map<String, List<String>> rows = write(List.of("alice", "o'brien, \"jr\"", "ann-marie", "42"));
        assertThat(rows.get("student")).containsExactly("student", "01-add-columns", "02-insert-bob", "score", "max_score", "bonus", "bonus_max");
        assertThat(rows).containsKeys("alice", "o'brien, \"jr\"", "ann-marie", "42");
    }

    private Map<String, List<String>> write(List<String> students) throws IOException {
        List<GradeRecord> records = students.stream()
                .map(s -> new GradeRecord(GradeRecord.FORMAT_VERSION, s, s, "lesson3", null, null, GradeRecord.Status.GRADED, null,
                        "2025-01-01T00:00:00Z", 0, List.of(), List.of(), List.of()))
                .toList();
        Path file = dir.resolve("grades.csv");
        GradesCsv.write(file, TASKS, records);
        return ClassGradingTest.csv(file);
    }
}
