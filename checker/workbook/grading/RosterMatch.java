package workbook.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A roster laid over a graded class: every student on it with their record, or none when no submission carries
 * their name (they get 0 in the gradebooks, not a blank), and the graded submissions no row names (kept in
 * grades.csv, listed, but in no gradebook, which has no one to give them to).
 *
 * @param students    one per roster row, in the roster's order
 * @param notOnRoster graded submissions that no row names, by name
 */
public record RosterMatch(List<Graded> students, List<GradeRecord> notOnRoster) {

    /** One student and their record; {@code record} is null when they handed nothing in. */
    public record Graded(Roster.Student student, GradeRecord record) {
        public int score() {
            return record == null ? 0 : record.score();
        }

        /** Points of one task: 0 without a submission. */
        public int points(String taskId) {
            GradeRecord.TaskGrade task = record == null ? null : record.task(taskId);
            return task == null ? 0 : task.points();
        }
    }

    public static RosterMatch of(Roster roster, List<GradeRecord> records) {
        Map<String, GradeRecord> byName = records.stream().collect(Collectors.toMap(GradeRecord::student, Function.identity()));
        List<Graded> students = new ArrayList<>();
        for (Roster.Student student : roster.students()) {
            students.add(new Graded(student, student.submission().isEmpty() ? null : byName.remove(student.submission())));
        }
        List<GradeRecord> left = records.stream().filter(r -> byName.containsKey(r.student())).toList();
        return new RosterMatch(List.copyOf(students), left);
    }

    public List<Roster.Student> withoutSubmission() {
        return students.stream().filter(s -> s.record() == null).map(Graded::student).toList();
    }

    public long matched() {
        return students.stream().filter(s -> s.record() != null).count();
    }
}
