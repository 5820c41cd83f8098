//DEPS com.fasterxml.jackson.core:jackson-databind:2.20.1
package workbook.progress;

import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import workbook.WholeFile;
import workbook.WorkbookHome;

/**
 * The learner's progress in one checkout, {@code .workbook/progress.json}, shared by the walk (steps
 * reached) and {@code check} (task results). Each change is a read-modify-write under a file lock, so a
 * walk and a check in two terminals both keep their part, and lands by an atomic rename of a complete
 * temporary file, so a crash mid-write leaves the old file or the new one, never half of one.
 */
public final class ProgressStore {
    public static final String FILE = "progress.json";
    /** FileLock guards against other processes only; threads of this JVM queue here first. */
    private static final Object IN_THIS_JVM = new Object();

    private final WorkbookHome home;
    private final Path file;
    private final Consumer<String> warnings;
    private final Clock clock;
    private boolean warnedUnwritable;
    /** Set when load() moved an unreadable file aside. */
    private boolean setAside;

    /** {@code warnings} gets the one line said when the file was unreadable or cannot be written. */
    public ProgressStore(WorkbookHome home, Consumer<String> warnings) {
        this(home, warnings, Clock.systemUTC());
    }

    ProgressStore(WorkbookHome home, Consumer<String> warnings, Clock clock) {
        this.home = home;
        this.file = home.stateDir().resolve(FILE);
        this.warnings = warnings;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /** Now, as the store writes times (ISO-8601 instant). */
    public String now() {
        return clock.instant().toString();
    }

    public Progress read() {
        return update(UnaryOperator.identity());
    }

    /** Applies {@code change} to the current file's content and saves the result; returns it. */
    public Progress update(UnaryOperator<Progress> change) {
        synchronized (IN_THIS_JVM) {
            try {
                Files.createDirectories(file.getParent());
            } catch (IOException e) {
                return change.apply(unwritable(e, Progress.empty()));
            }
            try (FileChannel lock = FileChannel.open(file.resolveSibling(FILE + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock held = lock.lock()) {
                Progress before = load();
                Progress after = change.apply(before);
                // a file moved aside is replaced by a fresh one at once, so the warning is said once
                if (!after.equals(before) || setAside) {
                    write(after);
                    setAside = false;
                }
                return after;
            } catch (IOException e) {
                return unwritable(e, change.apply(Progress.empty()));
            }
        }
    }

    private Progress load() throws IOException {
        if (!Files.exists(file)) {
            return Progress.empty();
        }
        String reason;
        try {
            Progress read = ProgressJson.read(file);
            if (read != null && read.formatVersion() == Progress.FORMAT_VERSION) {
                return read;
            }
            reason = read == null ? "it is empty" : "it has format_version " + read.formatVersion() + ", this workbook reads " + Progress.FORMAT_VERSION;
        } catch (JacksonException e) {
            reason = "not valid progress JSON: " + e.getOriginalMessage().lines().findFirst().orElse("");
        }
        // kept, never deleted: the learner (or whoever helps them) can still read what it held
        String stamp = LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path aside = file.resolveSibling("progress-unreadable-" + stamp + ".json");
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        setAside = true;
        warnings.accept("Your progress file " + shown(file) + " could not be read (" + reason + "); it is kept as "
                + shown(aside) + " and a fresh one starts now. Exercise files, hints and your database are untouched.");
        return Progress.empty();
    }

    /** What an OS crash might garble (WholeFile does not fsync) is set aside as unreadable. */
    private void write(Progress progress) throws IOException {
        WholeFile.replace(file, ProgressJson.write(progress));
    }

    private Progress unwritable(IOException e, Progress progress) {
        if (!warnedUnwritable) {
            warnedUnwritable = true;
            warnings.accept("Progress is not saved: " + shown(file) + " cannot be written (" + e.getMessage() + ").");
        }
        return progress;
    }

    private String shown(Path path) {
        return path.startsWith(home.root()) ? home.root().relativize(path).toString() : path.toString();
    }
}
