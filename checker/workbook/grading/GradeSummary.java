package workbook.grading;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;
import workbook.terminal.Console;

/**
 * What the instructor reads after grading: how many students, mean and median score, the pass rate of
 * each task (which task the class struggled with), and every submission that could not be graded, and why.
 */
final class GradeSummary {
    private GradeSummary() {
    }

    static void print(Console console, TaskSet set, ClassGrader.GradedClass outcome, Path out) {
        List<GradeRecord> records = outcome.records();
        console.line(String.format(Locale.ROOT, "Graded %d student%s in %.1f s (%d graded now, %d unchanged since the last run)",
                records.size(), records.size() == 1 ? "" : "s", outcome.seconds(), outcome.graded(), outcome.reused()));
        if (outcome.graded() > 0) {
            console.line(String.format(Locale.ROOT, "Speed: %.1f submissions/s", outcome.graded() / Math.max(outcome.seconds(), 1e-3)));
        }
        printClass(console, set, records, outcome.folder().conflicts());
        if (!outcome.folder().ignored().isEmpty()) {
            console.info("Ignored in the submissions folder: " + String.join(", ", outcome.folder().ignored()));
        }
        printReports(console, out);
    }

    /** The class as its records show it, for a grading run and for `grade merge` alike. */
    static void printClass(Console console, TaskSet set, List<GradeRecord> records, List<SubmissionsFolder.Entry> conflicts) {
        int max = records.isEmpty() ? set.requiredTasks().stream().mapToInt(Task::points).sum() : records.get(0).maxScore();
        if (!records.isEmpty()) {
            double[] scores = records.stream().mapToDouble(GradeRecord::score).sorted().toArray();
            double mean = java.util.Arrays.stream(scores).average().orElse(0);
            double median = scores.length % 2 == 1 ? scores[scores.length / 2] : (scores[scores.length / 2 - 1] + scores[scores.length / 2]) / 2;
            console.line(String.format(Locale.ROOT, "Score: mean %.1f, median %.1f (of %d, bonus extra)", mean, median, max));
            console.line("Pass rate per task:");
            for (Task task : set.tasks()) {
                long passed = records.stream().map(r -> r.task(task.id())).filter(t -> t != null && t.passed()).count();
                int percent = (int) Math.round(100.0 * passed / records.size());
                console.line(String.format(Locale.ROOT, "  %-18s %3d%%  %s%s", task.id(), percent,
                        "█".repeat(percent / 5) + "·".repeat(20 - percent / 5), task.bonus() ? "  (bonus)" : ""));
            }
        }
        List<String> problems = new ArrayList<>();
        for (GradeRecord r : records) {
            if (r.status() == GradeRecord.Status.NOT_GRADED) {
                problems.add(r.entry() + ": not graded: " + r.problem());
            } else if (r.status() == GradeRecord.Status.TIMED_OUT) {
                problems.add(r.entry() + ": timed out: " + r.problem());
            }
        }
        for (SubmissionsFolder.Entry conflict : conflicts) {
            problems.add(conflict.path().getFileName() + ": not graded: another entry already names the student `" + conflict.student() + "`");
        }
        if (!problems.isEmpty()) {
            console.note(problems.size() + " submission" + (problems.size() == 1 ? "" : "s") + " could not be fully graded:");
            problems.forEach(p -> console.line("  " + p));
        }
    }

    /** Where the reports are: the last line, so it stays on screen. */
    static void printReports(Console console, Path out) {
        console.line("Reports: " + out.resolve(ReportWriter.GRADES_CSV) + " (score includes bonus points, column bonus), "
                + out.resolve(ClassReport.FILE) + " (the class at a glance, for a browser), and per student "
                + "results.json (Gradescope), junit.xml, feedback.md in " + out + "/<student>/");
    }

    /** Lists shown per finding; the rest are in roster-report.txt, so a class of hundreds keeps a short summary. */
    static final int SHOWN = 10;

    /** The roster's part: who is matched, and every student or submission the gradebooks treat apart. */
    static void printRoster(Console console, Gradebooks gradebooks, List<GradeRecord> records, Path out) {
        console.line(gradebooks.headline(records));
        for (Gradebooks.Finding finding : gradebooks.findings(records)) {
            console.note(finding.title());
            finding.items().stream().limit(SHOWN).forEach(item -> console.line("  " + item));
            if (finding.items().size() > SHOWN) {
                console.line("  ... and " + (finding.items().size() - SHOWN) + " more");
            }
        }
        console.line("Gradebooks: " + out.resolve(CanvasCsv.FILE) + ", " + out.resolve(MoodleCsv.FILE) + "; every finding in "
                + out.resolve(Gradebooks.REPORT));
    }
}
