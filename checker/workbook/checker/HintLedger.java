package workbook.checker;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Remembers how many hints of each task a learner has seen, in .workbook/hints/LESSON.properties,
 * so each {@code ./jbang hint} call gives one more and the count survives a restart.
 */
public final class HintLedger {
    private final Path file;
    private final Properties shown = new Properties();

    public HintLedger(Path stateDir, String lesson) {
        this.file = stateDir.resolve("hints").resolve(lesson + ".properties");
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                shown.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // an unreadable ledger only means the hints start again from the first
                shown.clear();
            }
        }
    }

    public int shown(String taskId) {
        try {
            return Integer.parseInt(shown.getProperty(taskId, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Records one more hint seen (up to {@code available}) and returns how many are now shown. */
    public int reveal(String taskId, int available) {
        int now = Math.min(shown(taskId) + 1, available);
        shown.setProperty(taskId, Integer.toString(now));
        save();
        return now;
    }

    public void reset(String taskId) {
        shown.remove(taskId);
        save();
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                shown.store(out, "hints shown per task, by ./jbang hint");
            }
        } catch (IOException e) {
            // a read-only checkout still gets its hint; it just is not remembered
        }
    }
}
