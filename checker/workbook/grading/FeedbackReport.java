package workbook.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code feedback.md}: what the student reads. Per task what passed, what failed and why, the hint,
 * and the errors PostgreSQL gave for their file (in a code block, as PostgreSQL wrote them).
 */
public final class FeedbackReport {
    private FeedbackReport() {
    }

    public static String render(GradeRecord record) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(record.lesson()).append(": feedback for ").append(inline(record.student())).append("\n\n");
        md.append("**Score: ").append(record.score()).append(" / ").append(record.maxScore()).append("**");
        int bonus = record.tasks().stream().filter(GradeRecord.TaskGrade::bonus).mapToInt(GradeRecord.TaskGrade::max).sum();
        if (bonus > 0) {
            md.append(" (bonus tasks add up to ").append(bonus).append(" more)");
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
            for (GradeRecord.CheckGrade check : task.checks()) {
                md.append("- ").append(check.passed() ? "✓ " : "✗ ").append(inline(check.name()));
                if (!check.passed() && check.message() != null) {
                    md.append(": ").append(inline(check.message()));
                }
                md.append('\n');
                if (!check.passed() && check.hint() != null) {
                    md.append("  - Hint: ").append(inline(check.hint())).append('\n');
                }
                for (String note : check.notes()) {
                    md.append("  - Note: ").append(inline(note)).append('\n');
                }
            }
            if (!task.sqlErrors().isEmpty()) {
                md.append("\nPostgreSQL said, running your file:\n\n").append(block(String.join("\n", task.sqlErrors())));
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

    /** Text on one line; Markdown's own characters a message may hold (< > *) cannot start HTML or emphasis. */
    private static String inline(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("\r", "").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A fenced block long enough that no run of backticks inside can close it. */
    private static String block(String text) {
        String fence = "```";
        while (text.contains(fence)) {
            fence += "`";
        }
        return fence + "text\n" + text + "\n" + fence + "\n";
    }
}
