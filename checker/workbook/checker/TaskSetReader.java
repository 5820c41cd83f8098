//DEPS com.fasterxml.jackson.core:jackson-databind:2.20.1
//DEPS com.fasterxml.jackson.dataformat:jackson-dataformat-toml:2.20.1
package workbook.checker;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import workbook.UserError;
import workbook.WorkbookHome;
import workbook.checker.kinds.CheckKinds;
import workbook.checker.task.CheckSpec;
import workbook.checker.task.ErrorNote;
import workbook.checker.task.OutcomeNote;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;
import workbook.checker.task.Visibility;

/**
 * Reads {@code exercises/<lesson>/tasks.toml} into a {@link TaskSet}, refusing what it cannot understand: an
 * unknown field or check kind, a pattern that does not compile, a {@code visibility} other than Gradescope's
 * four (hidden, after_due_date, after_published, visible; what each means here: {@link Visibility}).
 */
public final class TaskSetReader {
    public static final int FORMAT_VERSION = 1;

    // unknown fields are typos an instructor wants to hear about, not silently ignored settings
    private static final TomlMapper TOML = TomlMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private TaskSetReader() {
    }

    /** The lesson's task set from the checkout, or a one-line error naming the lessons there are. */
    public static TaskSet forLesson(WorkbookHome home, String lesson) {
        if (!lesson.matches("[A-Za-z0-9_-]+")) {
            throw UserError.badInput("No exercise set named `" + lesson + "`.");
        }
        Path file = home.exercisesDir().resolve(lesson).resolve("tasks.toml");
        if (!Files.isRegularFile(file)) {
            throw UserError.badInput("No exercise set `" + lesson + "` (no " + home.root().relativize(file) + "). Known: " + known(home) + ".");
        }
        return read(file);
    }

    public static TaskSet read(Path file) {
        TaskSet set;
        try {
            set = TOML.readValue(text(file), TaskSet.class).inFolder(file.toAbsolutePath().getParent());
        } catch (JacksonException e) {
            throw UserError.badInput(file + " is not a valid task file: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw UserError.badInput("Cannot read " + file + ": " + e.getMessage());
        }
        validate(file, set);
        return set;
    }

    /**
     * The file's text with Windows line ends made plain: TOML keeps a CRLF inside a multi-line string as it is,
     * and a checkout by Git for Windows (or a save in Notepad) would put a carriage return into every statement.
     */
    private static String text(Path file) throws IOException {
        return Files.readString(file).replace("\r\n", "\n");
    }

    /**
     * Reads the file as {@link #read} does, except that an unknown field is not refused: its place (a JSON
     * pointer such as {@code /tasks/0/checks/2/colum}) goes to {@code unknownField} and reading goes on, so
     * `validate` can name every typo at once. Nothing else is checked: see {@link #flaws}.
     */
    public static TaskSet readNamingUnknownFields(Path file, BiConsumer<String, Collection<Object>> unknownField) throws IOException {
        return TOML.readerFor(TaskSet.class).withHandler(new DeserializationProblemHandler() {
            @Override
            public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser, JsonDeserializer<?> deserializer,
                                                 Object bean, String field) throws IOException {
                JsonStreamContext at = parser.getParsingContext();
                // at a table or array value the parser has entered it already: the field is its parent's
                if (!at.inObject() || !field.equals(at.getCurrentName())) {
                    at = at.getParent();
                }
                unknownField.accept(at.pathAsPointer().toString(), deserializer.getKnownPropertyNames());
                parser.skipChildren();
                return true;
            }
        }).<TaskSet>readValue(text(file)).inFolder(file.toAbsolutePath().getParent());
    }

    private static void validate(Path file, TaskSet set) {
        List<Flaw> flaws = flaws(set);
        if (!flaws.isEmpty()) {
            throw UserError.badInput(file + ": " + flaws.get(0).message());
        }
    }

    /**
     * What makes a task set that parsed unusable, each with its place in the file as a JSON pointer
     * ({@code /tasks/1/checks/0/kind}), in file order.
     */
    public static List<Flaw> flaws(TaskSet set) {
        List<Flaw> flaws = new ArrayList<>();
        if (set.formatVersion() != FORMAT_VERSION) {
            flaws.add(new Flaw("/format_version", "format_version " + set.formatVersion() + " is not one this workbook reads: it reads version " + FORMAT_VERSION + "."));
        }
        if (set.setup() == null || !Files.isRegularFile(set.setupFile())) {
            flaws.add(new Flaw("/setup", "setup file `" + set.setup() + "` is missing."));
        }
        for (int n = 0; n < set.outcomeNotes().size(); n++) {
            pattern(flaws, "/outcome_notes/" + n + "/command_tag", "outcome note command_tag", set.outcomeNotes().get(n).commandTag());
        }
        for (int n = 0; n < set.errorNotes().size(); n++) {
            pattern(flaws, "/error_notes/" + n + "/token", "error note token", set.errorNotes().get(n).token());
        }
        Set<String> ids = new HashSet<>();
        for (int t = 0; t < set.tasks().size(); t++) {
            Task task = set.tasks().get(t);
            if (task.id() == null || !ids.add(task.id())) {
                flaws.add(new Flaw("/tasks/" + t + "/id", "task id `" + task.id() + "` is missing or not unique."));
            }
            for (int n = 0; n < task.outcomeNotes().size(); n++) {
                pattern(flaws, "/tasks/" + t + "/outcome_notes/" + n + "/command_tag", "task " + task.id() + ": outcome note command_tag",
                        task.outcomeNotes().get(n).commandTag());
            }
            visibility(flaws, "/tasks/" + t + "/visibility", "task " + task.id(), task.visibility());
            for (int c = 0; c < task.checks().size(); c++) {
                CheckSpec check = task.checks().get(c);
                String at = "/tasks/" + t + "/checks/" + c;
                visibility(flaws, at + "/visibility", "task " + task.id() + ", check `" + check.name() + "`", check.visibility());
                if (!CheckKinds.exists(check.kind())) {
                    flaws.add(new Flaw(at + "/kind", "task " + task.id() + " uses an unknown check kind `" + check.kind() + "` (known: " + CheckKinds.names() + ")."));
                    continue;
                }
                var missing = CheckKinds.missingFields(check);
                if (!missing.isEmpty()) {
                    flaws.add(new Flaw(at, "task " + task.id() + ", check `" + check.name() + "` (" + check.kind() + ") needs " + String.join(", ", missing) + "."));
                }
            }
        }
        return flaws;
    }

    /** One thing wrong in tasks.toml: where (a JSON pointer into the file) and what, in words. */
    public record Flaw(String pointer, String message) {
    }

    /** A regular expression of the file compiles, or the file is refused naming it (rather than failing mid-check). */
    private static void pattern(List<Flaw> flaws, String pointer, String what, String regex) {
        if (regex == null) {
            return;
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            flaws.add(new Flaw(pointer, what + " `" + regex + "` is not a valid regular expression: " + e.getDescription() + "."));
        }
    }

    /** A visibility is one of Gradescope's values or absent: a typo must not leave a check meant hidden shown. */
    private static void visibility(List<Flaw> flaws, String pointer, String whose, String value) {
        if (value != null && Visibility.named(value).isEmpty()) {
            flaws.add(new Flaw(pointer, whose + ": visibility `" + value + "` is not one of " + Visibility.known() + "."));
        }
    }

    private static String known(WorkbookHome home) {
        try (var folders = Files.list(home.exercisesDir())) {
            var names = folders.filter(p -> Files.isRegularFile(p.resolve("tasks.toml"))).map(p -> p.getFileName().toString()).sorted().toList();
            return names.isEmpty() ? "none" : String.join(", ", names);
        } catch (IOException e) {
            return "none";
        }
    }
}
