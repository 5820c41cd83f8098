package workbook.checker;

import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.ConnectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import workbook.WorkbookHome;
import workbook.checker.result.CheckReport;
import workbook.checker.result.TaskResult;
import workbook.checker.run.AssignmentChecker;
import workbook.checker.run.ScratchDatabase;
import workbook.checker.run.ServerAccess;
import workbook.checker.run.SubmittedFiles;
import workbook.checker.task.TaskSet;
import workbook.ExitCode;
import workbook.UserError;
import workbook.db.DatabaseOptions;
import workbook.db.LiveDatabase;
import workbook.db.RunningServer;
import workbook.progress.ProgressStore;
import workbook.sql.ExceptionText;
import workbook.terminal.Console;

/** {@code ./jbang check LESSON}: runs the learner's exercise files in a scratch copy and judges every task. */
@Command(name = "check", mixinStandardHelpOptions = true,
        header = "Check your assignment SQL task by task, with the reason when something is wrong.",
        description = {"By default your files in exercises/LESSON/ run in a scratch copy of the lesson's end state on your server;",
                "your crm_db is not touched. --live checks crm_db as it is instead (for work done in psql or the notebook);",
                "--apply then runs your passing files on crm_db in one transaction, as an unprivileged role (wb_learner).",
                "Exit 0 when every required task passes, 1 when some fail, 2 for bad input, 3 when no database answers."})
public class CheckCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "LESSON", description = "The exercise set, e.g. lesson3.")
    String lesson;

    @Option(names = "--task", paramLabel = "N", description = "Check only task N (from the reference state of the tasks before it).")
    Integer task;

    @Option(names = "--live", description = "Check your crm_db as it is; no files are run.")
    boolean live;

    @Option(names = "--watch", description = "Check again whenever an exercise file is saved (Ctrl-C to stop).")
    boolean watch;

    @Option(names = "--apply", description = "After the check, run your passing files on your crm_db in one transaction (asks first), "
            + "so it holds the assignment's end state. Only when every required task passes and crm_db is where the assignment starts.")
    boolean apply;

    @Option(names = {"-y", "--yes"}, description = "With --apply: do not ask for confirmation.")
    boolean yes;

    /** The report of the last check run, which --apply acts on. */
    private CheckReport last;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    Console console = Console.system();

    /** False for the helper's rehearsal of a check (its warm-up): the learner's progress records only real runs. */
    boolean recordsProgress = true;

    /** True in the helper, which outlives the run: its copy's drop and the next spare finish in it, unwaited. */
    boolean livesOn;

    @Override
    public Integer call() throws Exception {
        WorkbookHome home = WorkbookHome.locate();
        TaskSet set = TaskSetReader.forLesson(home, lesson);
        if (task != null && set.task(task).isEmpty()) {
            throw UserError.badInput("No task " + task + " in " + lesson + ": tasks are 1 to " + set.tasks().size() + ".");
        }
        if (live && watch) {
            throw UserError.badInput("--watch re-runs your files when you save them; --live runs no files. Use one of them.");
        }
        if (apply && (live || watch || task != null)) {
            throw UserError.badInput("--apply checks every task by running your files, then carries them into crm_db; use it without --live, --watch and --task.");
        }
        if (yes && !apply) {
            throw UserError.badInput("--yes answers the question --apply asks; add --apply, or leave --yes out.");
        }
        RunningServer running = LiveDatabase.ensureUp(database);
        ServerAccess access = new ServerAccess(running.connection());
        try (ServerAccess server = watch ? access.keepsCopiesAhead() : access.dropsInBackground()) {
            Path folder = home.exercisesDir().resolve(lesson);
            if (watch) {
                return new CheckWatcher(folder, settled -> {
                    // read anew at each save: an instructor editing tasks.toml sees it at the next one
                    TaskSet now = TaskSetReader.forLesson(home, lesson);
                    return checkOnce(new AssignmentChecker(now, server, settledFiles(SubmittedFiles.in(folder), settled), "exercises/" + lesson + "/"), now, console);
                }).watch(console);
            }
            int code = checkOnce(new AssignmentChecker(set, server, folder, "exercises/" + lesson + "/"), set, console);
            return apply ? new CheckApply(set, server, home.exercisesDir().resolve(lesson), console).apply(last, yes) : code;
        }
    }

    /** The files as --watch reads them: the first read of a check waits until the save's burst has settled. */
    private static SubmittedFiles settledFiles(SubmittedFiles files, CheckWatcher.Settled settled) {
        return file -> {
            try {
                settled.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("stopped while waiting for the save to settle");
            }
            return files.read(file);
        };
    }

    int checkOnce(AssignmentChecker checker, TaskSet set, Console console) throws SQLException {
        Optional<Integer> only = Optional.ofNullable(task);
        CheckReport report;
        try {
            if (live) {
                console.info("Checking " + lesson + " on your crm_db as it is (--live: no files run, nothing changed) …");
                report = checker.live(only, console::info);
            } else {
                console.info("Checking " + lesson + ": your files in exercises/" + lesson + "/ run in a scratch copy of the lesson's end state (crm_db is not touched) …");
                report = checker.scratch(only, console::info);
            }
        } catch (ConnectionException e) {
            throw UserError.environment("Cannot connect to the database (" + ExceptionText.causeLine(e) + "). Start one with `./jbang db up`, or check --url.", e);
        }
        last = report;
        new CheckPrinter(console).print(report, task != null);
        if (recordsProgress) {
            CheckProgress.record(new ProgressStore(WorkbookHome.locate(), console::note), report);
        }
        // the verdict is out: the server finishes dropping the copy and making the next spare on its own;
        // --watch and the helper live on, so their next run need not wait for that hand-over
        if (!watch && !livesOn) {
            ScratchDatabase.handOverDrops();
        }
        boolean ok = task != null ? report.tasks().stream().allMatch(TaskResult::passed) : report.allRequiredPassed();
        return ok ? ExitCode.OK : ExitCode.CHECKS_FAILED;
    }
}
