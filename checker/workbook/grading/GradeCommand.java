package workbook.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import workbook.WorkbookHome;
import workbook.checker.sandbox.SandboxLimits;
import workbook.checker.task.TaskSet;
import workbook.checker.TaskSetReader;
import workbook.ExitCode;
import workbook.UserError;
import workbook.db.DatabaseOptions;
import workbook.terminal.Console;

/** {@code ./jbang grade lesson3 --submissions DIR}: grades a class, each submission isolated, into standard reports. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        header = "Grade a whole class's submissions in isolated databases, into CSV, Gradescope and JUnit reports.",
        // picocli's own synopsis would show LESSON as optional, which it is only for `grade merge`
        customSynopsis = {"grade LESSON --submissions DIR [--out DIR] [--shard K/N] [OPTIONS]",
                "   or: grade merge OUT... [--out DIR]"},
        description = {"Each entry of the submissions folder is one student: a folder holding the exercise files "
                + "(directly or under exercises/LESSON/), or a .zip of one. Grades on a throwaway embedded PostgreSQL of its own "
                + "(in RAM where possible, deleted afterwards; your crm_db's server is not touched) unless --db docker or --url says otherwise.",
                "", "On more machines: each grades a slice with --shard K/N, then `grade merge` combines their --out folders."},
        subcommands = MergeCommand.class)
public class GradeCommand implements Callable<Integer> {
    /**
     * Each job keeps a database and two to three sessions on the server, which allows 100 by default:
     * at 40 jobs a class ran out of them (students not graded, "too many clients"), at 32 it did not.
     */
    static final int MAX_JOBS = 32;
    /** An hour per submission is far beyond any real one; PostgreSQL's timeouts stop at about 24 days. */
    static final int MAX_TIMEOUT_SECONDS = 3600;

    // optional to picocli, which would otherwise demand it before `merge` too; call() asks for it
    @Parameters(index = "0", arity = "0..1", paramLabel = "LESSON", description = "The exercise set, e.g. lesson3.")
    String lesson;

    @Option(names = "--submissions", paramLabel = "DIR", description = "Folder with one folder or .zip per student.")
    Path submissions;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "grades",
            description = "Folder the reports go to, not inside a student's entry (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Submissions graded at once, 1 to " + MAX_JOBS + " (default: the number of cores, at most " + MAX_JOBS + ").")
    Integer jobs;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Time limit per submission, 1 to " + MAX_TIMEOUT_SECONDS + " seconds (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "Grade only the K-th of N slices of the class (K from 1), one per machine; a student's slice depends on "
                    + "their name alone. `grade merge` combines the slices' --out folders into one class's reports.")
    String shard;

    @Option(names = "--force", description = "Grade every submission again, even those unchanged since the last run.")
    boolean force;

    @Option(names = "--gradescope-package", paramLabel = "ZIP",
            description = "Instead of grading: write Gradescope's autograder zip for this exercise set (setup.sh, run_autograder, "
                    + "the grader and PostgreSQL 14 inside, --timeout kept), to upload as a programming assignment's autograder.")
    Path gradescopePackage;

    @Option(names = "--benchmark", paramLabel = "N",
            description = "Instead of grading: generate a class of N varied submissions, grade it and print submissions/s; "
                    + "with a Docker engine, also the naive way (a container per submission, on a sample of --naive-sample) and the ratio.")
    Integer benchmark;

    @Option(names = "--naive-sample", paramLabel = "N", defaultValue = "5",
            description = "Submissions graded the naive way in --benchmark, 0 or more (default: ${DEFAULT-VALUE}).")
    int naiveSample;

    @Mixin
    DatabaseOptions database;

    @Mixin
    RosterOptions lms;

    /** What --benchmark runs: generating, grading and timing a class (workbook.grading.bench, which the entry script wires in). */
    @FunctionalInterface
    public interface Benchmark {
        void run(Console console, WorkbookHome home, TaskSet set, DatabaseOptions database, int count, int jobs, int naiveSample) throws IOException;
    }

    private Benchmark benchmarkRun;

    /** Gives --benchmark its runner; the benchmark sits above grading, so grading does not name it. */
    public GradeCommand withBenchmark(Benchmark run) {
        this.benchmarkRun = run;
        return this;
    }

    /** What --gradescope-package runs: writing the autograder zip (workbook.grading.gradescope, which the entry script wires in). */
    @FunctionalInterface
    public interface GradescopePackager {
        void write(Console console, WorkbookHome home, TaskSet set, Path zip, int timeoutSeconds);
    }

    private GradescopePackager packager;

    /** Gives --gradescope-package its writer; the package sits above grading, so grading does not name it. */
    public GradeCommand withGradescopePackage(GradescopePackager write) {
        this.packager = write;
        return this;
    }

    @Override
    public Integer call() throws Exception {
        // every option is checked before a server starts: a wrong one costs a second, not a server's start
        if (jobs != null && (jobs < 1 || jobs > MAX_JOBS)) {
            throw UserError.badInput("--jobs " + jobs + " is out of range: 1 to " + MAX_JOBS + " submissions at once.");
        }
        if (timeout < 1 || timeout > MAX_TIMEOUT_SECONDS) {
            throw UserError.badInput("--timeout " + timeout + " is out of range: 1 to " + MAX_TIMEOUT_SECONDS + " seconds per submission.");
        }
        if (naiveSample < 0) {
            throw UserError.badInput("--naive-sample " + naiveSample + " is out of range: 0 or more (0 skips the naive way).");
        }
        if (benchmark != null && benchmark < 1) {
            throw UserError.badInput("--benchmark needs a class size of at least 1.");
        }
        Shard slice = shard == null ? null : Shard.parse(shard);
        if (lesson == null) {
            throw UserError.badInput("Missing LESSON: which exercise set to grade, e.g. `grade lesson3 --submissions DIR`"
                    + " (or `grade merge OUT... --out DIR` to combine shards).");
        }
        int parallel = jobs != null ? jobs : Math.min(Runtime.getRuntime().availableProcessors(), MAX_JOBS);
        Console console = Console.system();
        WorkbookHome home = WorkbookHome.locate();
        TaskSet set = TaskSetReader.forLesson(home, lesson);
        if (gradescopePackage != null) {
            if (packager == null) {
                throw UserError.badInput("--gradescope-package is not part of this build of grade; run it with ./jbang grade.");
            }
            packager.write(console, home, set, gradescopePackage, timeout);
            return ExitCode.OK;
        }
        Gradebooks gradebooks = lms.gradebooks(set);
        if (gradebooks != null && slice != null) {
            gradebooks = gradebooks.slice(slice::holds);
        }
        if (benchmark != null) {
            if (benchmarkRun == null) {
                throw UserError.badInput("--benchmark is not part of this build of grade; run it with ./jbang grade or bench/grading.");
            }
            benchmarkRun.run(console, home, set, database, benchmark, parallel, naiveSample);
            return ExitCode.OK;
        }
        if (submissions == null) {
            throw UserError.badInput("Missing --submissions DIR: the folder with one folder or .zip per student.");
        }
        Path outFolder = reportsFolder(out);
        SubmissionsFolder whole = SubmissionsFolder.scan(submissions, out);
        SubmissionsFolder folder = slice == null ? whole : slice.of(whole);
        GradingRun.Settings settings = new GradingRun.Settings(parallel, SandboxLimits.forOverall(Duration.ofSeconds(timeout)), force);
        ClassGrader.GradedClass outcome;
        try (GradingServerChoice server = GradingServerChoice.open(database)) {
            console.info("Server: " + server.running().provider() + " (" + server.running().description() + ")");
            if (slice != null) {
                console.info("Shard " + slice + ": " + folder.entries().size() + " of " + whole.entries().size() + " student"
                        + (whole.entries().size() == 1 ? "" : "s") + " in the class.");
            }
            GradingProgress progress = new GradingProgress(console.err(), Console.isInteractive(), folder.entries().size());
            // until the run ends, the folder is no finished shard, whatever an earlier run left there
            Files.createDirectories(outFolder);
            ShardNote.clear(outFolder);
            outcome = GradingRun.grade(home, set, server.running().connection(), folder, outFolder, settings, progress, gradebooks);
        }
        if (slice != null) {
            ShardNote.of(set.lesson(), ChecksVersion.of(home, set), slice, folder).write(outFolder);
        }
        GradeSummary.print(console, set, outcome, outFolder);
        if (gradebooks != null) {
            GradeSummary.printRoster(console, gradebooks, outcome.records(), outFolder);
        }
        if (slice != null) {
            console.info("This is shard " + slice + "; once every shard is graded: ./jbang grade merge OUT1 OUT2 ... --out DIR");
        }
        return ExitCode.OK;
    }

    /** --out as an absolute path, refused when it, or the nearest part of it that exists, is not a folder. */
    static Path reportsFolder(Path out) {
        Path folder = out.toAbsolutePath().normalize();
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(folder)) {
            throw UserError.badInput("--out " + out + " is a file; it names the folder the reports go to.");
        }
        for (Path above = folder.getParent(); above != null; above = above.getParent()) {
            if (Files.exists(above, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isDirectory(above)) {
                    throw UserError.badInput("--out " + out + " cannot be made: " + above + " is a file.");
                }
                break;
            }
        }
        return folder;
    }
}
