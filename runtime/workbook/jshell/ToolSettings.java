package workbook.jshell;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import workbook.WholeFile;

/**
 * The repl's history and /set choices as a properties file under .workbook/, handed to JShell instead of
 * java.util.prefs. A file that cannot be read or written costs only the history, never the session.
 */
final class ToolSettings {
    private ToolSettings() {
    }

    /** What was saved last time; empty when there is no file (or none is wanted). */
    static Map<String, String> load(Path file) {
        Map<String, String> settings = new HashMap<>();
        if (file == null || !Files.isRegularFile(file)) {
            return settings;
        }
        Properties saved = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            saved.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return settings; // a damaged file: start afresh, the next save replaces it
        }
        saved.stringPropertyNames().forEach(key -> settings.put(key, saved.getProperty(key)));
        return settings;
    }

    /** Writes beside the file, then moves it in place, so a crash mid-write leaves the old history whole. */
    static void save(Map<String, String> settings, Path file) {
        if (file == null) {
            return;
        }
        Properties out = new Properties();
        out.putAll(settings);
        try {
            Files.createDirectories(file.getParent());
            WholeFile.replace(file, partial -> {
                try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                    out.store(writer, "./jbang repl: JShell's history and settings");
                }
            });
        } catch (IOException e) {
            // a read-only checkout: the repl worked, only its history is not kept
        }
    }
}
