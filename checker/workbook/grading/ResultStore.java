//DEPS com.fasterxml.jackson.core:jackson-databind:2.20.1
package workbook.grading;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The graded results as files: {@code <out>/<student>/result.json}, one {@link GradeRecord} each. A record
 * half-written when a run was killed is not JSON, so {@link #read} finds nothing and the student is graded
 * again; written in place, a re-grade reuses the file instead of creating one more.
 */
public final class ResultStore {
    static final String RESULT_FILE = "result.json";
    static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path out;

    public ResultStore(Path out) {
        this.out = out;
    }

    public Path out() {
        return out;
    }

    /** The student's folder in the output; the name is the entry's, which cannot hold a path separator. */
    public Path folderOf(String student) {
        Path folder = out.resolve(student).normalize();
        if (!folder.getParent().equals(out.normalize())) {
            throw new IllegalArgumentException("not a plain student name: " + student);
        }
        return folder;
    }

    public Optional<GradeRecord> read(String student) {
        Path file = folderOf(student).resolve(RESULT_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            GradeRecord record = JSON.readValue(file.toFile(), GradeRecord.class);
            return record.formatVersion() == GradeRecord.FORMAT_VERSION ? Optional.of(record) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // unreadable: graded again
        }
    }

    public void write(GradeRecord record) throws IOException {
        Path folder = folderOf(record.student());
        Files.createDirectories(folder);
        JSON.writeValue(folder.resolve(RESULT_FILE).toFile(), record);
    }
}
