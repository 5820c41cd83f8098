package workbook.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads PostgreSQL's logs for the learner: the line that explains a failed start, the lines of the latest start. */
final class LogTail {
    private LogTail() {
    }

    static String lastProblem(Path... logs) {
        for (Path log : logs) {
            List<String> lines;
            try {
                lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            } catch (IOException e) {
                continue;
            }
            for (int i = lines.size() - 1; i >= Math.max(0, lines.size() - 40); i--) {
                String line = lines.get(i);
                if (line.contains("FATAL") || line.contains("ERROR") || line.contains("could not") || line.contains("initdb:")) {
                    return line.replaceFirst("^.*?(FATAL|ERROR):\\s*", "").strip();
                }
            }
        }
        return "no reason given in the logs";
    }

    /** The lines from the last "starting PostgreSQL" on, at most 40 (a start logs about ten, a crash recovery a few more). */
    static List<String> latestStart(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains("starting PostgreSQL")) {
                return List.copyOf(lines.subList(i, Math.min(lines.size(), i + 40)));
            }
        }
        return List.of();
    }

    static List<String> latestStart(Path log) {
        try {
            return Files.exists(log) ? latestStart(Files.readAllLines(log)) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
