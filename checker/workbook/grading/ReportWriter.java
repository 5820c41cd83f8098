package workbook.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;

/** Renders every report from recorded results only: nothing is graded here, so a re-render changes nothing. */
public final class ReportWriter {
    public static final String GRADES_CSV = "grades.csv";

    private final ResultStore store;
    private final Gradebooks gradebooks;

    public ReportWriter(ResultStore store) {
        this(store, null);
    }

    /** @param gradebooks the LMS files to write with the class's reports (--roster), or null */
    public ReportWriter(ResultStore store, Gradebooks gradebooks) {
        this.store = store;
        this.gradebooks = gradebooks;
    }

    /** results.json (Gradescope), junit.xml and feedback.md in the student's folder. */
    public void writeStudent(GradeRecord record) throws IOException {
        Path folder = store.folderOf(record.student());
        Files.createDirectories(folder);
        // the record kept here by earlier versions, now in .records/: one result file per student folder
        Files.deleteIfExists(folder.resolve("result.json"));
        GradescopeResults.write(folder.resolve("results.json"), record);
        JunitReport.write(folder.resolve("junit.xml"), record);
        FeedbackReport.write(folder.resolve("feedback.md"), record);
    }

    /**
     * Every class-level report, from the class's records (sorted by student) alone: the one place they are
     * rendered, for a grading run and for {@code grade merge}, so merged shards give the files of one run.
     */
    public void writeClass(TaskSet set, List<GradeRecord> records) throws IOException {
        GradesCsv.write(store.out().resolve(GRADES_CSV), set.tasks().stream().map(Task::id).toList(), records);
        ClassReport.write(store.out().resolve(ClassReport.FILE), set, records);
        Gradebooks.render(gradebooks, store.out(), records);
    }
}
