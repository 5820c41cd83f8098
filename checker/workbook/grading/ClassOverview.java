package workbook.grading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import workbook.checker.result.SqlFailure;
import workbook.checker.task.CheckSpec;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;
import workbook.sql.SqlStateNames;

/**
 * The class at a glance, computed from the task set and the grade records alone (what report.html shows):
 * the score distribution, the pass rate of each task and check, the most common failures and PostgreSQL
 * errors with an example student each, similar answers, and the submissions that could not be graded.
 * Rates count the submissions that were graded (a timed-out one keeps what was judged before the limit).
 */
public record ClassOverview(String lesson, String title, int students, int graded, int maxScore, int bonusMax,
                            String mean, String median, Histogram histogram, List<TaskRate> tasks,
                            List<Failure> failures, int failureKinds, List<PgError> errors, int errorKinds,
                            AnswerSimilarity.Result similar, List<Ungraded> ungraded) {
    /** Lists of failures and errors stop here: the head of the list is what the class needs to hear about. */
    static final int TOP = 12;

    /** Bars of the histogram in the SVG's own units, so the template only places them. */
    public record Histogram(int width, int height, int baseline, List<Bin> bins) {
    }

    /** One bar: the scores it holds ("7" or "10–14"), how many students, and where it is drawn. */
    public record Bin(String label, int count, int x, int y, int barWidth, int barHeight, int middle) {
    }

    /** A task or a check: how many of the graded submissions passed it. */
    public record Rate(String name, int points, int passed, int of) {
        public int percent() {
            return of == 0 ? 0 : (int) Math.round(100.0 * passed / of);
        }
    }

    public record TaskRate(String id, String title, boolean bonus, Rate rate, List<Rate> checks) {
    }

    /** A check failing with the same message, in how many submissions, and one of them. */
    public record Failure(String task, String check, String message, int count, String example) {
    }

    /** A PostgreSQL error (SQLSTATE and message): in how many submissions, which tasks, and one of them. */
    public record PgError(String sqlState, String name, String message, int count, String tasks, String example) {
    }

    public record Ungraded(String student, String entry, String status, String problem) {
    }

    public static ClassOverview of(TaskSet set, List<GradeRecord> records) {
        List<GradeRecord> sorted = records.stream().sorted(Comparator.comparing(GradeRecord::student)).toList();
        List<GradeRecord> graded = sorted.stream().filter(r -> r.status() != GradeRecord.Status.NOT_GRADED).toList();
        int max = set.maxRequiredPoints();
        int bonusMax = set.tasks().stream().filter(Task::bonus).mapToInt(Task::points).sum();
        double[] scores = graded.stream().mapToDouble(GradeRecord::score).sorted().toArray();
        String mean = scores.length == 0 ? "–" : format(java.util.Arrays.stream(scores).average().orElse(0));
        String median = scores.length == 0 ? "–"
                : format(scores.length % 2 == 1 ? scores[scores.length / 2] : (scores[scores.length / 2 - 1] + scores[scores.length / 2]) / 2);
        Map<String, Failure> failures = new LinkedHashMap<>();
        Map<String, PgError> errors = new LinkedHashMap<>();
        for (GradeRecord record : graded) {
            Set<String> seen = new LinkedHashSet<>(); // an error repeated in one submission counts once
            for (GradeRecord.TaskGrade task : record.tasks()) {
                // a failed task's reason is its first failing check, as check and feedback.md show it: one per task
                task.checks().stream().filter(c -> !c.passed()).findFirst().ifPresent(check -> {
                    String message = check.message() == null ? "" : check.message();
                    failures.merge(task.id() + '\n' + check.name() + '\n' + message,
                            new Failure(task.id(), check.name(), message, 1, record.student()),
                            (a, b) -> new Failure(a.task(), a.check(), a.message(), a.count() + 1, a.example()));
                });
                for (SqlFailure error : task.errors()) {
                    String key = error.sqlState() + '\n' + error.message();
                    boolean first = seen.add(key);
                    errors.merge(key, new PgError(error.sqlState(), SqlStateNames.of(error.sqlState()), error.message(), 1, task.id(), record.student()),
                            (a, b) -> new PgError(a.sqlState(), a.name(), a.message(), a.count() + (first ? 1 : 0),
                                    a.tasks().contains(task.id()) ? a.tasks() : a.tasks() + ", " + task.id(), a.example()));
                }
            }
        }
        List<Ungraded> ungraded = sorted.stream().filter(r -> r.status() != GradeRecord.Status.GRADED)
                .map(r -> new Ungraded(r.student(), r.entry(), r.status() == GradeRecord.Status.TIMED_OUT ? "timed out" : "not graded", r.problem()))
                .toList();
        return new ClassOverview(set.lesson(), set.title(), sorted.size(), graded.size(), max, bonusMax, mean, median,
                histogram(graded, max + bonusMax), rates(set, graded), top(failures, Failure::count), failures.size(),
                top(errors, PgError::count), errors.size(), AnswerSimilarity.of(set, graded), ungraded);
    }

    private static List<TaskRate> rates(TaskSet set, List<GradeRecord> graded) {
        List<TaskRate> rates = new ArrayList<>();
        for (Task task : set.tasks()) {
            List<GradeRecord.TaskGrade> done = graded.stream().map(r -> r.task(task.id())).filter(t -> t != null).toList();
            int passed = (int) done.stream().filter(GradeRecord.TaskGrade::passed).count();
            List<Rate> checks = new ArrayList<>();
            for (CheckSpec spec : task.checks()) {
                int ok = (int) done.stream().flatMap(t -> t.checks().stream()).filter(c -> c.name().equals(spec.name()) && c.passed()).count();
                checks.add(new Rate(spec.name(), spec.points(), ok, done.size()));
            }
            rates.add(new TaskRate(task.id(), task.title(), task.bonus(), new Rate(task.title(), task.points(), passed, done.size()), checks));
        }
        return rates;
    }

    /** One bar per score up to 25 points, else 20 bars of equal width; drawn 600 wide, bars up to 160 high. */
    static Histogram histogram(List<GradeRecord> graded, int top) {
        int bars = top <= 25 ? top + 1 : 20;
        int step = (int) Math.ceil((top + 1) / (double) bars);
        bars = (int) Math.ceil((top + 1) / (double) step);
        int[] counts = new int[bars];
        for (GradeRecord record : graded) {
            counts[Math.min(bars - 1, Math.max(0, record.score() / step))]++;
        }
        int highest = java.util.Arrays.stream(counts).max().orElse(0);
        int width = 600;
        int slot = width / bars;
        int tall = 160;
        int baseline = 20 + tall;
        List<Bin> bins = new ArrayList<>();
        for (int i = 0; i < bars; i++) {
            int from = i * step;
            int to = Math.min(top, from + step - 1);
            int h = highest == 0 ? 0 : (int) Math.round((double) tall * counts[i] / highest);
            bins.add(new Bin(from == to ? Integer.toString(from) : from + "–" + to, counts[i], i * slot + 2, baseline - h,
                    Math.max(1, slot - 4), h, i * slot + slot / 2));
        }
        return new Histogram(width, baseline + 40, baseline, bins);
    }

    private static <T> List<T> top(Map<String, T> all, Function<T, Integer> count) {
        return all.values().stream().sorted(Comparator.comparing(count).reversed()).limit(TOP).toList();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
