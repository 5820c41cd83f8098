package workbook.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;
import workbook.sql.SqlComments;

/**
 * Pairs of submissions whose answers are near-identical beyond what the task forces. Each line of a task's
 * file is normalised (comments dropped, case folded, runs of whitespace made one space, a trailing semicolon
 * dropped); a line is forced, and left out, when the task's starter, reference solution, statement or hints
 * hold it, when it is shorter than {@value #SHORT} characters ({@code );}), or when more than
 * {@link #commonAbove} submissions wrote it (what a class writes independently). Two submissions are listed
 * when the Jaccard index of the lines left (shared ÷ all distinct lines of the two) is at least
 * {@value #THRESHOLD} over at least {@value #MIN_SHARED} shared lines. Only lines held by two to
 * {@code commonAbove} submissions pair anyone, so the cost grows with the class's lines times at most 50,
 * never with the class squared.
 */
public final class AnswerSimilarity {
    static final double THRESHOLD = 0.5;
    static final int MIN_SHARED = 3;
    static final int SHORT = 4;
    /** The list stops here: past that, the page would hide the pairs that matter. */
    static final int MAX_PAIRS = 50;
    /** Shared lines shown per pair; the count says how many more there are. */
    static final int SHOWN_LINES = 30;

    /** Two submissions, their index, and the lines they share (the first {@value #SHOWN_LINES}) as the first one wrote them. */
    public record Pair(String first, String second, double jaccard, int shared, List<String> lines) {
        public String percent() {
            return Math.round(jaccard * 100) + "%";
        }
    }

    /** The pairs above the threshold, most similar first, at most {@value #MAX_PAIRS}; and how many there were. */
    public record Result(List<Pair> pairs, int found, int commonAbove) {
    }

    private AnswerSimilarity() {
    }

    /** A line written by more submissions than this is what the class writes anyway: 5 % of it, 3 to 50. */
    static int commonAbove(int submissions) {
        return Math.max(3, Math.min(50, (int) Math.ceil(submissions * 0.05)));
    }

    public static Result of(TaskSet set, List<GradeRecord> records) {
        Map<String, Set<String>> forced = new HashMap<>();
        for (Task task : set.tasks()) {
            forced.put(task.id(), forcedLines(set, task));
        }
        // per student: normalised line (keyed by task) -> the line as written
        Map<String, Map<String, String>> lines = new LinkedHashMap<>();
        Map<String, List<String>> holders = new HashMap<>();
        for (GradeRecord record : records) {
            Map<String, String> own = new LinkedHashMap<>();
            for (GradeRecord.TaskGrade task : record.tasks()) {
                Set<String> skip = forced.getOrDefault(task.id(), Set.of());
                List<String> raw = task.sql();
                List<String> bare = SqlComments.strip(String.join("\n", raw)).lines().toList();
                for (int i = 0; i < bare.size() && i < raw.size(); i++) {
                    String line = normalise(bare.get(i));
                    if (line.length() >= SHORT && !skip.contains(line)) {
                        own.putIfAbsent(task.id() + '\n' + line, raw.get(i).strip());
                    }
                }
            }
            lines.put(record.student(), own);
            own.keySet().forEach(key -> holders.computeIfAbsent(key, k -> new ArrayList<>()).add(record.student()));
        }
        int commonAbove = commonAbove(records.size());
        Map<String, Set<String>> distinctive = new HashMap<>();
        Map<String, Integer> sharedCount = new HashMap<>();
        for (Map.Entry<String, List<String>> held : holders.entrySet()) {
            List<String> who = held.getValue();
            if (who.size() > commonAbove) {
                continue;
            }
            who.forEach(student -> distinctive.computeIfAbsent(student, s -> new HashSet<>()).add(held.getKey()));
            for (int a = 0; a < who.size(); a++) {
                for (int b = a + 1; b < who.size(); b++) {
                    sharedCount.merge(who.get(a) + '\n' + who.get(b), 1, Integer::sum);
                }
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (Map.Entry<String, Integer> pair : sharedCount.entrySet()) {
            int shared = pair.getValue();
            if (shared < MIN_SHARED) {
                continue;
            }
            String[] names = pair.getKey().split("\n", 2);
            Set<String> a = distinctive.get(names[0]);
            Set<String> b = distinctive.get(names[1]);
            double jaccard = (double) shared / (a.size() + b.size() - shared);
            if (jaccard >= THRESHOLD) {
                Map<String, String> written = lines.get(names[0]);
                List<String> both = written.keySet().stream().filter(k -> a.contains(k) && b.contains(k)).map(written::get)
                        .limit(SHOWN_LINES).toList();
                pairs.add(new Pair(names[0], names[1], jaccard, shared, both));
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::jaccard).reversed().thenComparing(Comparator.comparingInt(Pair::shared).reversed())
                .thenComparing(Pair::first).thenComparing(Pair::second));
        return new Result(pairs.subList(0, Math.min(MAX_PAIRS, pairs.size())), pairs.size(), commonAbove);
    }

    /** What the task puts in every answer: its starter's, its solution's, its statement's and its hints' lines. */
    private static Set<String> forcedLines(TaskSet set, Task task) {
        StringBuilder text = new StringBuilder(task.statement() == null ? "" : task.statement());
        task.hints().forEach(hint -> text.append('\n').append(hint));
        for (Path file : List.of(set.exerciseFile(task), set.solutionFile(task))) {
            try {
                text.append('\n').append(Files.readString(file));
            } catch (IOException e) {
                // a lesson without a starter or solution forces nothing through it
            }
        }
        Set<String> forced = new HashSet<>();
        SqlComments.strip(text.toString()).lines().map(AnswerSimilarity::normalise).forEach(forced::add);
        return forced;
    }

    /** One pass, no regular expression: a class of 10,000 has a million lines. */
    static String normalise(String line) {
        StringBuilder flat = new StringBuilder(line.length());
        boolean space = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                space = flat.length() > 0;
            } else {
                if (space) {
                    flat.append(' ');
                    space = false;
                }
                flat.append(Character.toLowerCase(c));
            }
        }
        int end = flat.length();
        while (end > 0 && (flat.charAt(end - 1) == ';' || flat.charAt(end - 1) == ' ')) {
            end--;
        }
        return flat.substring(0, end);
    }
}
