package workbook.grading;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import workbook.WorkbookHome;
import workbook.checker.task.TaskSet;
import workbook.checker.task.TaskSetReader;
import workbook.cli.ExitCode;
import workbook.cli.UserError;
import workbook.db.DatabaseOptions;
import workbook.terminal.Console;

/** {@code ./jbang grade lesson3 --submissions DIR}: grades a class, each submission isolated, into standard reports. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        header = "Grade a whole class's submissions in isolated databases, into CSV, Gradescope and JUnit reports.",
        description = {"Each entry of the submissions folder is one student: a folder holding the exercise files "
                + "(directly or under exercises/LESSON/), or a .zip of one. Grades on a throwaway embedded PostgreSQL of its own "
                + "(in RAM where possible, deleted afterwards; your crm_db's server is not touched) unless --db docker or --url says otherwise."})
public class GradeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "LESSON", description = "The exercise set, e.g. lesson3.")
    String lesson;

    @Option(names = "--submissions", paramLabel = "DIR", description = "Folder with one folder or .zip per student.")
    Path submissions;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "grades", description = "Where reports go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--jobs", paramLabel = "N", description = "Submissions graded at once (default: the number of cores).")
    Integer jobs;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "Time limit per submission (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Option(names = "--force", description = "Grade every submission again, even those unchanged since the last run.")
    boolean force;

    @Option(names = "--benchmark", paramLabel = "N",
            description = "Instead of grading: generate a class of N varied submissions, grade it and print submissions/s; "
                    + "with a Docker engine, also the naive way (a container per submission, on a sample of --naive-sample) and the ratio.")
    Integer benchmark;

    @Option(names = "--naive-sample", paramLabel = "N", defaultValue = "5", description = "Submissions graded the naive way in --benchmark (default: ${DEFAULT-VALUE}).")
    int naiveSample;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws Exception {
        Console console = Console.system();
        WorkbookHome home = WorkbookHome.locate();
        TaskSet set = TaskSetReader.forLesson(home, lesson);
        if (timeout < 1) {
            throw UserError.badInput("--timeout must be at least 1 second.");
        }
        int parallel = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        if (parallel < 1) {
            throw UserError.badInput("--jobs must be at least 1.");
        }
        if (benchmark != null) {
            if (benchmark < 1) {
                throw UserError.badInput("--benchmark needs a class size of at least 1.");
            }
            GradeBenchmark.run(console, home, set, database, benchmark, parallel, naiveSample);
            return ExitCode.OK;
        }
        if (submissions == null) {
            throw UserError.badInput("Missing --submissions DIR: the folder with one folder or .zip per student.");
        }
        SubmissionsFolder folder = SubmissionsFolder.scan(submissions);
        Path outFolder = out.toAbsolutePath().normalize();
        GradingRun.Settings settings = new GradingRun.Settings(parallel, SandboxLimits.forOverall(Duration.ofSeconds(timeout)), force);
        ClassGrader.Outcome outcome;
        try (GradingDatabase server = GradingDatabase.open(database)) {
            console.info("Server: " + server.running().provider() + " (" + server.running().description() + ")");
            GradingProgress progress = new GradingProgress(console.err(), Console.isInteractive(), folder.entries().size());
            outcome = GradingRun.grade(home, set, server.running().connection(), folder, outFolder, settings, progress);
        }
        GradeSummary.print(console, set, outcome, outFolder);
        return ExitCode.OK;
    }
}
