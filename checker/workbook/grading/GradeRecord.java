package workbook.grading;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import workbook.checker.result.CheckReport;
import workbook.checker.result.CheckResult;
import workbook.checker.result.SqlFailure;
import workbook.checker.result.StudentView;
import workbook.checker.result.TaskResult;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;
import workbook.checker.task.Visibility;
import workbook.sql.SqlSource;
import workbook.sql.SqlText;

/**
 * What grading one student found, as data ({@code <student>/result.json}): every report is rendered
 * from this record alone, so the same results render the same way now or later.
 *
 * @param formatVersion   3 (tasks carry their PostgreSQL errors and submitted SQL; 2: checks carry their visibility);
 *                        bump when a field changes meaning, so that a record of another version is graded again
 *                        rather than reused
 * @param student         the submission entry's name
 * @param entry           the entry as found in the submissions folder (alice.zip)
 * @param lesson          the exercise set, e.g. lesson3
 * @param submissionHash  SHA-256 of the exercise files submitted
 * @param checksVersion   hash of the checks, task metadata, solutions and checker code that graded it
 * @param status          graded, timed out (the overall time limit ended it) or not graded (why in problem)
 * @param problem         why it was not (fully) graded; null when graded
 * @param gradedAt        ISO-8601 instant
 * @param seconds         time spent grading it
 * @param missing         exercise files not found (graded as empty)
 * @param stray           other files in the submission, ignored
 * @param tasks           one per task, in order, each with its checks (all tasks even when not graded)
 */
public record GradeRecord(int formatVersion, String student, String entry, String lesson, String submissionHash,
                          String checksVersion, Status status, String problem, String gradedAt, double seconds,
                          List<String> missing, List<String> stray, List<TaskGrade> tasks) {
    /** 3: tasks carry the PostgreSQL errors as data and the submitted SQL, which the class report reads. */
    public static final int FORMAT_VERSION = 3;
    /** What {@link TaskGrade#sql} keeps of a file: enough to compare answers, bounded for a hostile 1 MiB file. */
    static final int SQL_LINES = 300;
    static final int SQL_LINE_CHARS = 300;

    public GradeRecord {
        missing = missing == null ? List.of() : List.copyOf(missing);
        stray = stray == null ? List.of() : List.copyOf(stray);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    public enum Status {
        @JsonProperty("graded") GRADED,
        @JsonProperty("timed out") TIMED_OUT,
        @JsonProperty("not graded") NOT_GRADED
    }

    /**
     * One task: its checks, and what running the student's file said.
     *
     * @param errors the PostgreSQL errors of {@code sqlErrors} as data (SQLSTATE, message), counted by the class report
     * @param sql    the student's file as submitted, line by line (at most {@value #SQL_LINES} lines of
     *               {@value #SQL_LINE_CHARS} characters), for the class report's similarity list
     */
    public record TaskGrade(String id, String title, boolean bonus, String status, String file, List<CheckGrade> checks,
                            List<String> sqlErrors, List<String> notes, List<SqlFailure> errors, List<String> sql) {
        public TaskGrade {
            checks = checks == null ? List.of() : List.copyOf(checks);
            sqlErrors = sqlErrors == null ? List.of() : List.copyOf(sqlErrors);
            notes = notes == null ? List.of() : List.copyOf(notes);
            errors = errors == null ? List.of() : List.copyOf(errors);
            sql = sql == null ? List.of() : List.copyOf(sql);
        }

        public TaskGrade(String id, String title, boolean bonus, String status, String file, List<CheckGrade> checks,
                         List<String> sqlErrors, List<String> notes) {
            this(id, title, bonus, status, file, checks, sqlErrors, notes, List.of(), List.of());
        }

        /** This task with the student's file as submitted (absent or not UTF-8: no lines). */
        TaskGrade withSql(byte[] file) {
            List<String> lines = List.of();
            if (file != null) {
                SqlText text = SqlSource.decode(Path.of(id + ".sql"), file);
                lines = text.ok() ? text.text().lines().limit(SQL_LINES)
                        .map(line -> line.length() > SQL_LINE_CHARS ? line.substring(0, SQL_LINE_CHARS) : line).toList() : List.of();
            }
            return new TaskGrade(id, title, bonus, status, this.file, checks, sqlErrors, notes, errors, lines);
        }

        public int points() {
            return checks.stream().mapToInt(CheckGrade::points).sum();
        }

        public int max() {
            return checks.stream().mapToInt(CheckGrade::max).sum();
        }

        public boolean passed() {
            return "passed".equals(status);
        }

        /** The task as the student may read it; a task not attempted, not judged or not graded keeps its one reason. */
        TaskGrade forStudent() {
            boolean taskWide = !"passed".equals(status) && !"failed".equals(status);
            return new TaskGrade(id, title, bonus, status, file, checks.stream().map(c -> c.forStudent(taskWide)).toList(), sqlErrors, notes);
        }
    }

    /**
     * One check of one task: the checker's {@link CheckResult}, kept as data, in full (the instructor's reports read
     * it so); {@code visibility} says what the student may read of it (see {@link StudentView}).
     */
    public record CheckGrade(String name, int points, int max, boolean passed, String message, String hint, List<String> notes,
                             Visibility visibility) {
        public CheckGrade {
            notes = notes == null ? List.of() : List.copyOf(notes);
            visibility = visibility == null ? Visibility.VISIBLE : visibility;
        }

        public boolean hidden() {
            return visibility.hiddenFromStudent();
        }

        CheckGrade forStudent(boolean taskWide) {
            StudentView view = StudentView.of(visibility, name, max, passed, message, hint, notes, taskWide);
            return new CheckGrade(view.name(), points, max, passed, view.message(), view.hint(), view.notes(), visibility);
        }
    }

    /**
     * The record as the student may read it (feedback.md, the visible part of results.json): each hidden check by
     * its points and hint alone. Scores are the same: hidden checks count.
     */
    public GradeRecord forStudent() {
        return new GradeRecord(formatVersion, student, entry, lesson, submissionHash, checksVersion, status, problem, gradedAt, seconds,
                missing, stray, tasks.stream().map(TaskGrade::forStudent).toList());
    }

    /** Points earned, bonus included. */
    public int score() {
        return tasks.stream().mapToInt(TaskGrade::points).sum();
    }

    /** Points of the required tasks: the bonus is extra credit, as in {@code ./jbang check}. */
    public int maxScore() {
        return tasks.stream().filter(t -> !t.bonus()).mapToInt(TaskGrade::max).sum();
    }

    /** Points earned in bonus tasks: part of {@link #score}, which may so exceed {@link #maxScore}. */
    public int bonus() {
        return tasks.stream().filter(TaskGrade::bonus).mapToInt(TaskGrade::points).sum();
    }

    /** Points the bonus tasks are worth. */
    public int bonusMax() {
        return tasks.stream().filter(TaskGrade::bonus).mapToInt(TaskGrade::max).sum();
    }

    public TaskGrade task(String id) {
        return tasks.stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
    }

    /** The tasks of a checker report, as grading records. */
    public static List<TaskGrade> tasksOf(CheckReport report) {
        return report.tasks().stream().map(GradeRecord::taskOf).toList();
    }

    private static TaskGrade taskOf(TaskResult t) {
        List<CheckGrade> checks = t.checks().stream()
                .map(c -> new CheckGrade(c.check(), c.points(), c.max(), c.passed(), c.message(), c.hint(), c.notes(), c.visibility()))
                .toList();
        return new TaskGrade(t.taskId(), t.title(), t.bonus(), t.status().name().toLowerCase().replace('_', ' '), t.file(),
                checks, t.sqlErrors(), t.notes(), t.failures(), List.of());
    }

    /** The tasks with each one's file of {@code files} (file name to bytes, as submitted). */
    public static List<TaskGrade> withSql(List<TaskGrade> tasks, Map<String, byte[]> files) {
        return tasks.stream().map(t -> t.withSql(files.get(t.id() + ".sql"))).toList();
    }

    /**
     * The record of a submission that could not be graded at all (a broken zip, a grader that could not
     * start): every task at zero, each check failed with {@code why}.
     */
    public static GradeRecord notGraded(TaskSet set, String student, String entry, String checksVersion, String why) {
        return new GradeRecord(FORMAT_VERSION, student, entry, set.lesson(), null, checksVersion, Status.NOT_GRADED, why,
                Instant.now().toString(), 0, List.of(), List.of(), ungraded(set, "not graded: " + why));
    }

    /** Every task at zero, each check failed with {@code why}: for a submission that could not be graded. */
    public static List<TaskGrade> ungraded(TaskSet set, String why) {
        return set.tasks().stream().map(task -> ungraded(set, task, why)).toList();
    }

    static TaskGrade ungraded(TaskSet set, Task task, String why) {
        List<CheckGrade> checks = task.checks().stream()
                .map(c -> new CheckGrade(c.name(), 0, c.points(), false, why, null, List.of(), task.visibilityOf(c)))
                .toList();
        // where the student put the file is not known when the submission could not be read
        return new TaskGrade(task.id(), task.title(), task.bonus(), "not graded", task.file(),
                checks, List.of(), List.of());
    }
}
