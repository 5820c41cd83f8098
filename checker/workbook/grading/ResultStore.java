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
 * The graded results as files: {@code <out>/.records/<student>.json}, one {@link GradeRecord} each, kept apart
 * from the reports in {@code <out>/<student>/} so that a student's folder holds one result file (Gradescope's
 * results.json) beside junit.xml and feedback.md. A record half-written when a run was killed is not JSON, so
 * {@link #read} finds nothing and the student is graded again; written in place, a re-grade reuses the file
 * instead of creating one more.
 */
public final class ResultStore {
    /** The records' folder in the output: hidden, since the reports beside it are what an instructor opens. */
    static final String RECORDS = ".records";
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

    /** Where the student's record is kept. */
    Path recordOf(String student) {
        return folderOf(student).resolveSibling(RECORDS).resolve(folderOf(student).getFileName() + ".json");
    }

    public Optional<GradeRecord> read(String student) {
        Path file = recordOf(student);
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
        Path file = recordOf(record.student());
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), record);
    }
}
