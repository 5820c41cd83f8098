package workbook.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** progress.json stays the file Jackson's object mapper wrote before the streaming reader replaced it, both ways. */
class ProgressJsonTest {
    /** How ProgressStore read and wrote the file with the object mapper. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @TempDir
    Path dir;

    static Progress sample() {
        return Progress.empty()
                .withNotebook("lesson3", new NotebookProgress(11, 10, 25))
                .withNotebook("lesson3-acid", new NotebookProgress(1, 0, 9))
                .withTask("lesson3", "02-insert-bob", new TaskProgress(4, 4, true, "2026-12-05T05:00:00Z", null))
                .withTask("lesson3", "01-add-columns", new TaskProgress(1, 3, false, null, "2026-12-05T06:00:00Z"))
                .withTask("lesson4", "01-add-phone", TaskProgress.none());
    }

    @Test
    void writesTheBytesTheObjectMapperWrote() throws Exception {
        assertThat(new String(ProgressJson.write(sample()))).isEqualTo(MAPPER.writeValueAsString(sample()));
        assertThat(new String(ProgressJson.write(Progress.empty()))).isEqualTo(MAPPER.writeValueAsString(Progress.empty()));
    }

    @Test
    void readsWhatTheObjectMapperWroteAndSkipsFieldsItDoesNotKnow() throws Exception {
        Path file = dir.resolve("progress.json");
        Files.write(file, MAPPER.writeValueAsBytes(sample()));
        assertThat(ProgressJson.read(file)).isEqualTo(sample());

        Files.writeString(file, """
                {"format_version": 1, "later": {"a": [1, {"b": 2}]},
                 "notebooks": {"lesson3": {"step": 4, "colour": "red", "done": 3, "steps": 25, "seen": [1, 2]}},
                 "exercises": {"lesson3": {"01-add-columns": {"points": 3, "max": 3, "passed": true, "first_passed": null}}}}
                """);
        assertThat(ProgressJson.read(file)).isEqualTo(MAPPER.readValue(file.toFile(), Progress.class))
                .isEqualTo(Progress.empty().withNotebook("lesson3", new NotebookProgress(4, 3, 25))
                        .withTask("lesson3", "01-add-columns", new TaskProgress(3, 3, true, null, null)));
    }

    @Test
    void aValueOfTheWrongTypeOrBrokenJsonIsRefusedAsTheMapperRefusedIt() throws Exception {
        Path file = dir.resolve("progress.json");
        for (String broken : new String[] {"", "{\"format_version\": 1, \"notebooks\": {\"lesson3\": {\"step\": \"four\"}}}",
                "{\"format_version\": 1, \"notebooks\": [1]}", "{\"format_version\": 1, \"notebooks\": {\"lesson3\": {\"step\": 4, \"do"}) {
            Files.writeString(file, broken);
            assertThatThrownBy(() -> ProgressJson.read(file)).as(broken).isInstanceOf(JacksonException.class);
            assertThatThrownBy(() -> MAPPER.readValue(file.toFile(), Progress.class)).as(broken).isInstanceOf(JacksonException.class);
        }
        Files.writeString(file, "null");
        assertThat(ProgressJson.read(file)).isNull();
    }
}
