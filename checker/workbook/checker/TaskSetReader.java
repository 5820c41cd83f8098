//DEPS com.fasterxml.jackson.core:jackson-databind:2.20.1
//DEPS com.fasterxml.jackson.dataformat:jackson-dataformat-toml:2.20.1
package workbook.checker;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
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

/** Reads {@code exercises/<lesson>/tasks.toml} into a {@link TaskSet}, refusing what it cannot understand. */
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
            set = TOML.readValue(file.toFile(), TaskSet.class).inFolder(file.toAbsolutePath().getParent());
        } catch (JacksonException e) {
            throw UserError.badInput(file + " is not a valid task file: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw UserError.badInput("Cannot read " + file + ": " + e.getMessage());
        }
        validate(file, set);
        return set;
    }

    private static void validate(Path file, TaskSet set) {
        if (set.formatVersion() != FORMAT_VERSION) {
            throw UserError.badInput(file + " has format_version " + set.formatVersion() + "; this workbook reads version " + FORMAT_VERSION + ".");
        }
        if (set.setup() == null || !Files.isRegularFile(set.setupFile())) {
            throw UserError.badInput(file + ": setup file `" + set.setup() + "` is missing.");
        }
        for (OutcomeNote note : set.outcomeNotes()) {
            pattern(file, "outcome note command_tag", note.commandTag());
        }
        for (ErrorNote note : set.errorNotes()) {
            pattern(file, "error note token", note.token());
        }
        Set<String> ids = new HashSet<>();
        for (Task task : set.tasks()) {
            if (task.id() == null || !ids.add(task.id())) {
                throw UserError.badInput(file + ": task id `" + task.id() + "` is missing or not unique.");
            }
            for (OutcomeNote note : task.outcomeNotes()) {
                pattern(file, "task " + task.id() + ": outcome note command_tag", note.commandTag());
            }
            for (CheckSpec check : task.checks()) {
                if (!CheckKinds.exists(check.kind())) {
                    throw UserError.badInput(file + ": task " + task.id() + " uses an unknown check kind `" + check.kind() + "` (known: " + CheckKinds.names() + ").");
                }
                var missing = CheckKinds.missingFields(check);
                if (!missing.isEmpty()) {
                    throw UserError.badInput(file + ": task " + task.id() + ", check `" + check.name() + "` (" + check.kind() + ") needs " + String.join(", ", missing) + ".");
                }
            }
        }
    }

    /** A regular expression of the file compiles, or the file is refused naming it (rather than failing mid-check). */
    private static void pattern(Path file, String what, String regex) {
        if (regex == null) {
            return;
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw UserError.badInput(file + ": " + what + " `" + regex + "` is not a valid regular expression: " + e.getDescription() + ".");
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
