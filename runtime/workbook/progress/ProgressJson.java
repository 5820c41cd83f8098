package workbook.progress;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The format of {@code .workbook/progress.json}, read and written with Jackson's streaming parser and
 * generator rather than its object mapper: the walk reads this file before its first screen, and
 * building an ObjectMapper and introspecting the records took ~0.4 s there, the parser ~10 ms. The
 * file is what the object mapper wrote (snake_case names, indented, nulls kept), so either reads the
 * other's; unknown fields are skipped, so a newer workbook's additions survive an older reader.
 *
 * <pre>
 * { "format_version" : 1,
 *   "notebooks" : { "lesson3" : { "step" : 4, "done" : 3, "steps" : 25 } },
 *   "exercises" : { "lesson3" : { "01-add-columns" : { "points" : 3, "max" : 3, "passed" : true,
 *                                                      "first_passed" : "2026-12-05T05:00:00Z", "gave_up" : null } } } }
 * </pre>
 */
final class ProgressJson {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private ProgressJson() {
    }

    /** The file's progress; null when it holds JSON's null. A malformed file throws a JacksonException. */
    static Progress read(Path file) throws IOException {
        try (JsonParser p = JSON.createParser(Files.readAllBytes(file))) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new JsonParseException(p, "No content: the file is empty");
            }
            if (first == JsonToken.VALUE_NULL) {
                return null;
            }
            int[] version = {0};
            Map<String, NotebookProgress> notebooks = new LinkedHashMap<>();
            Map<String, Map<String, TaskProgress>> exercises = new LinkedHashMap<>();
            eachField(p, field -> {
                switch (field) {
                    case "format_version" -> version[0] = number(p);
                    case "notebooks" -> eachField(p, name -> {
                        Map<String, Object> walk = scalars(p);
                        notebooks.put(name, new NotebookProgress(number(p, walk, "step"), number(p, walk, "done"), number(p, walk, "steps")));
                    });
                    case "exercises" -> eachField(p, set -> {
                        Map<String, TaskProgress> tasks = new LinkedHashMap<>();
                        eachField(p, task -> {
                            Map<String, Object> t = scalars(p);
                            tasks.put(task, new TaskProgress(number(p, t, "points"), number(p, t, "max"), bool(p, t, "passed"),
                                    text(p, t, "first_passed"), text(p, t, "gave_up")));
                        });
                        exercises.put(set, tasks);
                    });
                    default -> p.skipChildren();
                }
            });
            return new Progress(version[0], notebooks, exercises);
        }
    }

    private interface FieldReader {
        /** Reads (or skips) the value of field {@code name}: the parser is on its first token. */
        void read(String name) throws IOException;
    }

    /** Calls {@code reader} for each field of the object the parser is on; a JSON null stands for an empty object. */
    private static void eachField(JsonParser p, FieldReader reader) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        expect(p, JsonToken.START_OBJECT);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            reader.read(name);
        }
        expect(p, JsonToken.END_OBJECT);
    }

    /** The object's fields holding a number, boolean, string or null (others skipped), by name. */
    private static Map<String, Object> scalars(JsonParser p) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        eachField(p, name -> {
            switch (p.currentToken()) {
                case VALUE_NUMBER_INT -> values.put(name, number(p));
                case VALUE_TRUE, VALUE_FALSE -> values.put(name, p.getBooleanValue());
                case VALUE_STRING -> values.put(name, p.getText());
                case VALUE_NULL -> values.put(name, null);
                default -> {
                    values.put(name, p.currentToken());
                    p.skipChildren();
                }
            }
        });
        return values;
    }

    private static int number(JsonParser p) throws IOException {
        expect(p, JsonToken.VALUE_NUMBER_INT);
        return p.getIntValue();
    }

    // a missing field or a null reads as the record's default, as the object mapper read them; a value of another type is refused

    private static int number(JsonParser p, Map<String, Object> values, String name) throws IOException {
        return typed(p, values, name, Integer.class, 0);
    }

    private static boolean bool(JsonParser p, Map<String, Object> values, String name) throws IOException {
        return typed(p, values, name, Boolean.class, false);
    }

    private static String text(JsonParser p, Map<String, Object> values, String name) throws IOException {
        return typed(p, values, name, String.class, null);
    }

    private static <T> T typed(JsonParser p, Map<String, Object> values, String name, Class<T> type, T absent) throws IOException {
        Object value = values.get(name);
        if (value == null) {
            return absent;
        }
        if (!type.isInstance(value)) {
            throw new JsonParseException(p, "`" + name + "` should be " + type.getSimpleName().toLowerCase() + ", not " + value);
        }
        return type.cast(value);
    }

    private static void expect(JsonParser p, JsonToken wanted) throws IOException {
        if (p.currentToken() != wanted) {
            throw new JsonParseException(p, "Expected " + wanted.name() + ", found " + p.currentToken());
        }
    }

    /** The file's bytes for {@code progress}, laid out as Jackson's default pretty printer does. */
    static byte[] write(Progress progress) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(bytes)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("format_version", progress.formatVersion());
            g.writeObjectFieldStart("notebooks");
            for (Map.Entry<String, NotebookProgress> walk : progress.notebooks().entrySet()) {
                g.writeObjectFieldStart(walk.getKey());
                g.writeNumberField("step", walk.getValue().step());
                g.writeNumberField("done", walk.getValue().done());
                g.writeNumberField("steps", walk.getValue().steps());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeObjectFieldStart("exercises");
            for (Map.Entry<String, Map<String, TaskProgress>> set : progress.exercises().entrySet()) {
                g.writeObjectFieldStart(set.getKey());
                for (Map.Entry<String, TaskProgress> task : set.getValue().entrySet()) {
                    TaskProgress t = task.getValue();
                    g.writeObjectFieldStart(task.getKey());
                    g.writeNumberField("points", t.points());
                    g.writeNumberField("max", t.max());
                    g.writeBooleanField("passed", t.passed());
                    g.writeStringField("first_passed", t.firstPassed());
                    g.writeStringField("gave_up", t.gaveUp());
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return bytes.toByteArray();
    }
}
