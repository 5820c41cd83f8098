package workbook.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Picks the line that explains a failed start out of PostgreSQL's logs, so the learner sees the cause, not "see log". */
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
}
