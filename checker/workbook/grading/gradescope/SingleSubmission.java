package workbook.grading.gradescope;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import workbook.FileTrees;
import workbook.WorkbookHome;
import workbook.checker.sandbox.SandboxLimits;
import workbook.checker.task.TaskSet;
import workbook.db.DatabaseOptions;
import workbook.grading.ChecksVersion;
import workbook.grading.GradeRecord;
import workbook.grading.GradingProgress;
import workbook.grading.GradingRun;
import workbook.grading.GradingServerChoice;
import workbook.grading.SubmissionReader;
import workbook.grading.SubmissionsFolder;

/**
 * Grades the one submission of a Gradescope run as {@code grade} grades a class of one: on a throwaway
 * embedded PostgreSQL, in the same sandbox, with the same checks and limits. It never throws: a submission
 * that cannot be read, or a server that does not start, gives a record at zero that says why.
 */
final class SingleSubmission {
    /** Gradescope's name for the entry; a zip inside it gives its own. */
    static final String STUDENT = "submission";

    private SingleSubmission() {
    }

    static GradeRecord grade(WorkbookHome home, TaskSet set, Path submission, Duration limit) {
        String checksVersion = ChecksVersion.of(home, set);
        Path entry = entryOf(submission);
        if (entry == null) {
            return GradeRecord.notGraded(set, STUDENT, STUDENT, checksVersion, "no submission was found (the folder "
                    + submission + " is missing or unreadable); submit your .sql files again");
        }
        Path work = null;
        try {
            work = Files.createTempDirectory(home.stateDir(), "gradescope-");
            SubmissionsFolder folder = new SubmissionsFolder(entry.getParent(),
                    List.of(new SubmissionsFolder.Entry(SubmissionReader.studentName(entry), entry)), List.of(), List.of());
            // one submission: one job; --force, since nothing recorded before exists in a fresh container; no class
            // reports, which would be thrown away (and report.html's template needs a javac the container lacks)
            GradingRun.Settings settings = new GradingRun.Settings(1, SandboxLimits.forOverall(limit), true, false);
            try (GradingServerChoice server = GradingServerChoice.open(DatabaseOptions.of("embedded", null))) {
                return GradingRun.grade(home, set, server.running().connection(), folder, work.resolve("grades"), settings,
                        new GradingProgress(System.err, false, 1)).records().get(0);
            }
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return GradeRecord.notGraded(set, STUDENT, entry.getFileName().toString(), checksVersion,
                    "the autograder could not grade it (" + why + "); this is not your fault: tell your instructor");
        } finally {
            deleteQuietly(work);
        }
    }

    /**
     * What to grade in Gradescope's submission folder: the one .zip when that is all it holds (an upload
     * of a zip), else the folder itself (files at its top, or under exercises/LESSON/, as grade reads them).
     * Null when there is no folder.
     */
    static Path entryOf(Path submission) {
        if (!Files.isDirectory(submission, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try (Stream<Path> children = Files.list(submission)) {
            List<Path> shown = children.filter(p -> !p.getFileName().toString().startsWith(".")).limit(2).toList();
            return shown.size() == 1 && SubmissionReader.isZip(shown.get(0)) ? shown.get(0) : submission;
        } catch (IOException e) {
            return null;
        }
    }

    private static void deleteQuietly(Path work) {
        try {
            if (work != null && Files.exists(work)) {
                FileTrees.deleteTree(work);
            }
        } catch (IOException e) {
            // a container is thrown away after the run anyway
        }
    }
}
