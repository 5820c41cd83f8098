package workbook.grading;

import static workbook.grading.Markdown.block;
import static workbook.grading.Markdown.inline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code feedback.md}: what the student reads. Per task first what PostgreSQL said running their file (the
 * cause, in a code block, as PostgreSQL wrote it), then what passed, what failed and why, each hint once. A
 * hidden check shows as "a hidden check (2 points)" with its hint, never its name or message
 * ({@link GradeRecord#forStudent}).
 */
public final class FeedbackReport {
    private FeedbackReport() {
    }

    public static String render(GradeRecord full) {
        GradeRecord record = full.forStudent();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(record.lesson()).append(": feedback for ").append(inline(record.student())).append("\n\n");
        md.append("**Score: ").append(record.score()).append(" / ").append(record.maxScore()).append("**");
        if (record.bonusMax() > 0) {
            // the score counts bonus points, max_score does not: said here so that 23 / 21 is no surprise
            md.append(" (bonus included: ").append(record.bonus()).append(" of ").append(record.bonusMax()).append(" bonus points)");
        }
        md.append("\n\n");
        if (record.status() == GradeRecord.Status.TIMED_OUT) {
            md.append("> **Timed out.** ").append(inline(record.problem())).append("\n\n");
        } else if (record.status() == GradeRecord.Status.NOT_GRADED) {
            md.append("> **Not graded.** ").append(inline(record.problem())).append("\n\n");
        }
        for (GradeRecord.TaskGrade task : record.tasks()) {
            md.append("## ").append(task.passed() ? "✓ " : "✗ ").append(task.id()).append(": ").append(inline(task.title()))
                    .append(" (").append(task.points()).append("/").append(task.max()).append(task.bonus() ? ", bonus" : "").append(")\n\n");
            // the cause first: what running the file said explains the failed checks below it
            if (!task.sqlErrors().isEmpty()) {
                md.append("PostgreSQL said, running your file:\n\n").append(block(String.join("\n", task.sqlErrors()))).append('\n');
            }
            Set<String> hints = new LinkedHashSet<>();
            for (GradeRecord.CheckGrade check : task.checks()) {
                md.append("- ").append(check.passed() ? "✓ " : "✗ ").append(inline(check.name()));
                if (!check.passed() && check.message() != null) {
                    md.append(": ").append(inline(check.message()));
                }
                md.append('\n');
                if (!check.passed() && check.hint() != null) {
                    hints.add(check.hint());
                }
                for (String note : check.notes()) {
                    md.append("  - Note: ").append(inline(note)).append('\n');
                }
            }
            // each hint once, however many checks one mistake failed
            if (!hints.isEmpty()) {
                hints.forEach(hint -> md.append("\n**Hint:** ").append(inline(hint)).append('\n'));
            } else if (!task.passed() && !"not graded".equals(task.status())) {
                md.append("\nStuck? `./jbang hint ").append(record.lesson()).append(' ').append(task.id())
                        .append("` gives this task's hints one at a time.\n");
            }
            if (!task.notes().isEmpty()) {
                md.append('\n');
                for (String note : task.notes()) {
                    md.append("> ").append(inline(note)).append("\n");
                }
            }
            md.append('\n');
        }
        if (!record.missing().isEmpty() || !record.stray().isEmpty()) {
            md.append("## Files\n\n");
            if (!record.missing().isEmpty()) {
                md.append("- Missing (graded as empty): ").append(inline(String.join(", ", record.missing()))).append('\n');
            }
            if (!record.stray().isEmpty()) {
                md.append("- Ignored (not part of the assignment): ").append(inline(String.join(", ", record.stray()))).append('\n');
            }
        }
        return md.toString();
    }

    public static void write(Path file, GradeRecord record) throws IOException {
        Files.writeString(file, render(record), StandardCharsets.UTF_8);
    }
}
