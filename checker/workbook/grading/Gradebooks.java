package workbook.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import workbook.checker.task.TaskSet;

/**
 * What {@code grade --roster} writes beside grades.csv: {@code canvas.csv}, {@code moodle.csv} and
 * {@code roster-report.txt} (who has no submission, which submission no student claims, who has no email), all
 * rendered from the records and the roster only, so a run, a re-run and a merge of shards write the same files.
 *
 * @param assignment  the gradebook column's name (--assignment)
 * @param taskColumns whether each task also gets a column (--lms-task-columns)
 */
public record Gradebooks(TaskSet set, Roster roster, String assignment, boolean taskColumns) {
    public static final String REPORT = "roster-report.txt";

    /** One list of the report: a title and its items, each naming one student or submission. */
    public record Finding(String title, List<String> items) {
    }

    /**
     * The gradebooks of {@code books} in {@code out}; without a roster ({@code books} null), removes the ones an earlier
     * run wrote, which would no longer match grades.csv and could be imported by mistake.
     */
    public static void render(Gradebooks books, Path out, List<GradeRecord> records) throws IOException {
        if (books != null) {
            books.write(out, records);
            return;
        }
        for (String file : List.of(CanvasCsv.FILE, MoodleCsv.FILE, REPORT)) {
            Files.deleteIfExists(out.resolve(file));
        }
    }

    /**
     * The gradebooks of one shard: only the roster's students whose submission falls in its slice. A shard's
     * canvas.csv then gives no one a 0 who is graded on another machine, so it is safe to import on its own.
     */
    public Gradebooks slice(Predicate<String> holds) {
        return new Gradebooks(set, roster.only(student -> holds.test(student.submission())), assignment, taskColumns);
    }

    public void write(Path out, List<GradeRecord> records) throws IOException {
        CanvasCsv.write(out.resolve(CanvasCsv.FILE), set, records, roster, assignment, taskColumns);
        MoodleCsv.write(out.resolve(MoodleCsv.FILE), set, records, roster, assignment, taskColumns);
        List<String> lines = new ArrayList<>();
        lines.add(headline(records));
        for (Finding finding : findings(records)) {
            lines.add("");
            lines.add(finding.title());
            finding.items().forEach(item -> lines.add("  " + item));
        }
        Files.write(out.resolve(REPORT), lines, StandardCharsets.UTF_8);
    }

    /** "Roster roster.csv: 30 students, 28 with a submission; ..." */
    public String headline(List<GradeRecord> records) {
        RosterMatch match = RosterMatch.of(roster, records);
        return "Roster " + roster.file().getFileName() + ": " + roster.students().size() + " student" + (roster.students().size() == 1 ? "" : "s")
                + ", " + match.matched() + " with a submission; gradebooks for \"" + assignment + "\" in " + CanvasCsv.FILE + " and " + MoodleCsv.FILE + ".";
    }

    /** A submission off the roster whose name differs from the student's only in case: names match exactly, so say it. */
    private static String nearly(Roster.Student student, RosterMatch match) {
        return match.notOnRoster().stream().filter(r -> r.student().equalsIgnoreCase(student.submission())).findFirst()
                .map(r -> " (" + r.entry() + " differs only in case)").orElse("");
    }

    /** Every student or submission a gradebook treats apart, so none is dropped unseen; empty lists are left out. */
    public List<Finding> findings(List<GradeRecord> records) {
        RosterMatch match = RosterMatch.of(roster, records);
        List<Finding> findings = new ArrayList<>();
        findings.add(new Finding("Students without a submission (0 points in " + CanvasCsv.FILE + " and " + MoodleCsv.FILE + "):",
                match.withoutSubmission().stream().map(s -> s.label() + (s.submission().isEmpty()
                        ? " (line " + s.line() + ", no submission named)"
                        : " (line " + s.line() + "): no " + s.submission() + " or " + s.submission() + ".zip in the submissions folder"
                        + nearly(s, match))).toList()));
        findings.add(new Finding("Submissions not on the roster (graded, in " + ReportWriter.GRADES_CSV + ", in neither gradebook):",
                match.notOnRoster().stream().map(GradeRecord::entry).toList()));
        findings.add(new Finding("Students without an email (not in " + MoodleCsv.FILE + ", which matches students by email):",
                roster.has("email") || roster.students().isEmpty()
                        ? roster.students().stream().filter(s -> s.email().isEmpty()).map(s -> s.label() + " (line " + s.line() + ")").toList()
                        : List.of("every student: the roster has no email column")));
        findings.add(new Finding("Students Canvas cannot find (no name, id, sis_user_id or sis_login_id on their line):",
                roster.students().stream().filter(s -> (s.name() + s.id() + s.sisUserId() + s.sisLoginId()).isEmpty())
                        .map(s -> s.label() + " (line " + s.line() + ")").toList()));
        return findings.stream().filter(f -> !f.items().isEmpty()).toList();
    }
}
