package workbook.grading.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import workbook.FileTrees;
import workbook.WorkbookHome;
import workbook.checker.sandbox.SandboxLimits;
import workbook.checker.task.TaskSet;
import workbook.grading.ClassGrader;
import workbook.grading.GradeRecord;
import workbook.grading.GradingServerChoice;
import workbook.grading.GradingProgress;
import workbook.grading.GradingRun;
import workbook.grading.ReportWriter;
import workbook.grading.SubmissionsFolder;
import workbook.db.DatabaseOptions;
import workbook.db.DockerEngine;
import workbook.db.RunningServer;
import workbook.terminal.Console;

/**
 * {@code ./jbang grade lesson3 --benchmark 200}: grades a generated class and prints submissions per
 * second; where a Docker engine answers, also the naive way (a fresh postgres:14 container per
 * submission, measured on a sample and extrapolated) and the ratio.
 */
public final class GradeBenchmark {
    private GradeBenchmark() {
    }

    /** Writes, grades and times a class of {@code count}; the signature of {@link workbook.grading.GradeCommand.Benchmark}. */
    public static void run(Console console, WorkbookHome home, TaskSet set, DatabaseOptions database, int count, int jobs, int naiveSample) throws IOException {
        Path work = home.stateDir().resolve("bench").resolve("grading");
        Path classFolder = work.resolve(set.lesson() + "-class-" + count);
        // the class and its reports are rewritten in place, not deleted and created again: on ext4 without
        // a journal, every file created soon after thousands were deleted costs a scan past their inodes,
        // a cost of benchmarking twice in a row that an instructor grading into a new folder never pays
        List<String> students = ClassGenerator.write(home, set, classFolder, count);
        removeAllBut(classFolder, students);
        removeAllBut(work.resolve("grades"), students);
        console.line("Benchmark: a generated class of " + count + " submissions (" + ClassGenerator.kinds() + ") in " + home.root().relativize(classFolder));
        SubmissionsFolder folder = SubmissionsFolder.scan(classFolder);
        // the clock starts before the server: starting a throwaway one is part of what grading costs once
        long started = System.nanoTime();
        ClassGrader.GradedClass outcome;
        double serverSeconds;
        double total;
        try (GradingServerChoice server = GradingServerChoice.open(database)) {
            serverSeconds = (System.nanoTime() - started) / 1e9;
            RunningServer running = server.running();
            console.line("Server: " + running.provider() + " (" + running.description() + ")");
            GradingProgress progress = new GradingProgress(console.err(), Console.isInteractive(), count);
            outcome = GradingRun.grade(home, set, running.connection(), folder, work.resolve("grades"),
                    new GradingRun.Settings(jobs, SandboxLimits.forOverall(Duration.ofSeconds(30)), true), progress);
            total = (System.nanoTime() - started) / 1e9;
        }
        double rate = count / outcome.seconds();
        double once = total - outcome.seconds();
        console.line(String.format(Locale.ROOT, "Graded %d submissions in %.2f s with %d jobs: %.1f submissions/s, %.1f steady"
                        + " (plus %.2f s once: %.2f s to start or reach the server, %.2f s to prepare the reference states and one database per job)",
                count, outcome.seconds(), jobs, rate, steadyRate(outcome.records()), once, serverSeconds, once - serverSeconds));
        long failed = outcome.records().stream().filter(r -> r.status() == GradeRecord.Status.NOT_GRADED).count();
        if (failed > 0) {
            console.note(failed + " submissions could not be graded; see " + home.root().relativize(work.resolve("grades")));
        }
        if (naiveSample < 1) {
            console.info("The naive way (a container per submission) is not measured: --naive-sample 0.");
            return;
        }
        Optional<DockerEngine> engine = DockerEngine.find(DockerEngine.PROBE_TIMEOUT).engine();
        if (engine.isEmpty()) {
            console.info("No Docker engine answers: the naive way (a container per submission) is not measured.");
            return;
        }
        console.info("The naive way: a fresh postgres:14 container per submission, " + naiveSample + " of them one after another …");
        double[] each;
        try {
            each = NaiveContainerGrading.measure(engine.get(), home, set, folder, work.resolve("naive"), naiveSample);
        } catch (RuntimeException | IOException e) {
            console.note("The naive way could not be measured: " + e.getMessage());
            return;
        }
        double mean = Arrays.stream(each).average().orElse(Double.NaN);
        console.line(String.format(Locale.ROOT, "Naive way: %.2f s per submission (measured on %d: %s s), so %.2f submissions/s;"
                        + " extrapolated, the class of %d would take %.0f s",
                mean, each.length, Arrays.stream(each).mapToObj(s -> String.format(Locale.ROOT, "%.2f", s)).reduce((a, b) -> a + ", " + b).orElse(""),
                1 / mean, count, mean * count));
        console.line(String.format(Locale.ROOT, "Ratio: %.0f× the naive way", rate * mean));
    }

    /**
     * Submissions per second over the second half of the class, by the time each was recorded: the rate once
     * the JVM has compiled the grader's code and the server's caches are warm, which a larger class approaches.
     */
    static double steadyRate(List<GradeRecord> records) {
        List<Instant> done = records.stream().map(r -> Instant.parse(r.gradedAt())).sorted().toList();
        if (done.size() < 4) {
            return Double.NaN;
        }
        int half = done.size() / 2;
        double seconds = Duration.between(done.get(half - 1), done.get(done.size() - 1)).toNanos() / 1e9;
        return (done.size() - half) / seconds;
    }

    /** Deletes what an earlier benchmark left in {@code folder} other than these students' entries (folder or zip). */
    private static void removeAllBut(Path folder, List<String> students) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        Set<String> keep = new HashSet<>();
        for (String student : students) {
            keep.add(student);
            keep.add(student + ".zip");
        }
        keep.add(ReportWriter.GRADES_CSV);
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.filter(e -> !keep.contains(e.getFileName().toString())).toList()) {
                FileTrees.deleteTree(entry);
            }
        }
    }
}
