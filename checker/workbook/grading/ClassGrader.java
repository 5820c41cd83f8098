package workbook.grading;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;

/**
 * Grades a whole class in parallel: each entry is read (within a time limit), graded in its own sandbox
 * unless its result is already recorded for the same files and checks (or --force), recorded, then
 * rendered. Reports are written from the records only.
 */
public final class ClassGrader {
    private final TaskSet set;
    private final ResultStore store;
    private final String checksVersion;
    private final SubmissionGrader grader;
    private final int jobs;
    private final boolean force;
    private final Duration readLimit;
    private Gradebooks gradebooks;
    private boolean classReports = true;

    /** @param readLimit how long reading one entry may take before the student is recorded as not graded */
    public ClassGrader(TaskSet set, ResultStore store, String checksVersion, SubmissionGrader grader, int jobs, boolean force,
                       Duration readLimit) {
        this.set = set;
        this.store = store;
        this.checksVersion = checksVersion;
        this.grader = grader;
        this.jobs = jobs;
        this.force = force;
        this.readLimit = readLimit;
    }

    /** Whether to write the class's reports after grading (the students' own are always written). */
    public ClassGrader withClassReports(boolean write) {
        this.classReports = write;
        return this;
    }

    /** Also writes the LMS gradebooks with the class's reports (--roster); null writes none. */
    public ClassGrader withGradebooks(Gradebooks books) {
        this.gradebooks = books;
        return this;
    }

    /** What a run did: every student's record (sorted), and how many were graded now or taken from before. */
    public record GradedClass(List<GradeRecord> records, int graded, int reused, double seconds, SubmissionsFolder folder) {
    }

    public GradedClass grade(SubmissionsFolder folder, GradingProgress progress) throws IOException {
        long started = System.nanoTime();
        SubmissionReader files = new SubmissionReader(set.tasks().stream().map(Task::file).toList());
        TimedSubmissionReader reader = new TimedSubmissionReader(files::read, readLimit);
        ReportWriter reports = new ReportWriter(store, gradebooks);
        AtomicInteger reused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(jobs, daemon("grade"));
        List<Future<GradeRecord>> futures = new ArrayList<>();
        for (SubmissionsFolder.Entry entry : folder.entries()) {
            futures.add(pool.submit(() -> {
                GradeRecord record = gradeOne(entry, reader, reused);
                reports.writeStudent(record);
                progress.advance();
                return record;
            }));
        }
        List<GradeRecord> records = new ArrayList<>();
        try {
            for (Future<GradeRecord> f : futures) {
                records.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("grading was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            progress.finish();
        }
        records.sort(Comparator.comparing(GradeRecord::student));
        if (classReports) {
            reports.writeClass(set, records);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new GradedClass(records, records.size() - reused.get(), reused.get(), seconds, folder);
    }

    private GradeRecord gradeOne(SubmissionsFolder.Entry entry, TimedSubmissionReader reader, AtomicInteger reused) throws IOException {
        Submission submission;
        try {
            submission = reader.read(entry.path());
        } catch (SubmissionReader.UnreadableSubmission e) {
            GradeRecord record = grader.unreadable(entry.student(), entry.path().getFileName().toString(), e.getMessage());
            store.write(record);
            return record;
        }
        if (!force) {
            var before = store.read(submission.student());
            if (before.isPresent() && before.get().status() != GradeRecord.Status.NOT_GRADED
                    && submission.contentHash().equals(before.get().submissionHash())
                    && checksVersion.equals(before.get().checksVersion())) {
                reused.incrementAndGet();
                return before.get();
            }
        }
        GradeRecord record = grader.grade(submission);
        store.write(record);
        return record;
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
