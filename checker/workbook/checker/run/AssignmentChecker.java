package workbook.checker.run;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import workbook.checker.kinds.Inspection;
import workbook.checker.kinds.TableSnapshot;
import workbook.checker.result.CheckReport;
import workbook.checker.result.CheckResult;
import workbook.checker.result.TaskResult;
import workbook.checker.sandbox.Sandbox;
import workbook.checker.task.CheckSpec;
import workbook.checker.task.OutcomeNote;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;
import workbook.UserError;

/**
 * Checks an assignment, task by task. Scratch mode clones the lesson's end state, runs each exercise
 * file and judges the state it leaves, in the server's sandbox (never as the admin); when a task fails,
 * the next one starts from the reference state instead, so a mistake costs points once. Live mode judges
 * the learner's database as it is.
 */
public final class AssignmentChecker {
    private final TaskSet set;
    private final ServerAccess server;
    private final SubmittedFiles submission;
    private final String shownFolder;
    private final ReferenceStates references;

    /**
     * @param submission  the folder holding the learner's files (exercises/lesson3, or a student's folder)
     * @param shownFolder how that folder is named in messages, e.g. {@code exercises/lesson3/}
     */
    public AssignmentChecker(TaskSet set, ServerAccess server, Path submission, String shownFolder) {
        this(set, server, SubmittedFiles.in(submission), shownFolder);
    }

    /** @param submission the learner's files, however they were read (a grader passes a submission's, read once) */
    public AssignmentChecker(TaskSet set, ServerAccess server, SubmittedFiles submission, String shownFolder) {
        this.set = set;
        this.server = server;
        this.submission = submission;
        this.shownFolder = shownFolder;
        this.references = new ReferenceStates(set);
    }

    /**
     * Runs the files in a scratch copy; {@code progress} hears about slow work before it starts. The run is
     * one turn of the sandbox: past its time limit the remaining tasks are not run, and the report says why.
     */
    public CheckReport scratch(Optional<Integer> onlyTask, Consumer<String> progress) throws SQLException {
        server.prepareReferenceStates(set, progress);
        int first = onlyTask.orElse(1);
        int last = onlyTask.orElse(set.tasks().size());
        List<TaskResult> results = new ArrayList<>();
        String onReference = first > 1 ? "judged from the reference state of tasks 1–" + (first - 1) + " (--task " + first + ")" : null;
        String stop = null;
        Sandbox sandbox = server.sandbox();
        ScratchDatabase scratch = ScratchDatabase.holding(server, set, first - 1);
        Optional<ServerWork> spare = ScratchDatabase.spareSession(server, set, first - 1);
        try (Sandbox.Turn turn = sandbox.startTurn()) {
            server.openSessions(scratch.name());
            for (int number = first; number <= last; number++) {
                Task task = set.tasks().get(number - 1);
                if (stop != null) {
                    results.add(TaskJudge.notRun(number, task, shownFolder + task.file(), "not run: " + stop));
                    continue;
                }
                TaskRun taskRun = runTask(number, task, scratch, onReference);
                TaskResult result = taskRun.result();
                results.add(result);
                onReference = null; // said once, on the task right after the one that failed
                if (sandbox.stopped().isPresent()) {
                    stop = whileRunning(sandbox.stopped().get(), result.file());
                } else if (!result.passed() && number < last) {
                    // nothing of the learner's ran: the reference solution applies right here, sparing a clone
                    try {
                        if (!taskRun.untouched() || !applyReference(task, scratch)) {
                            server.leave(scratch.name());
                            scratch.close();
                            scratch = ScratchDatabase.holding(server, set, number);
                            server.openSessions(scratch.name());
                        }
                    } catch (SQLException | RuntimeException e) {
                        // the time ran out while the reference state was made: said like any other stop, not a crash
                        if (sandbox.stopped().isEmpty()) {
                            throw e;
                        }
                        stop = whileRunning(sandbox.stopped().get(), result.file());
                    }
                    onReference = result.status() == TaskResult.Status.NOT_ATTEMPTED ? null
                            : "judged from the reference state of task " + number + " (its solution applied instead of your file), so that mistake costs points once";
                }
            }
        } finally {
            server.leave(scratch.name());
            scratch.close();
            if (server.backgroundDrops()) {
                // after the verdict, not beside the run: a copy's checkpoints slowed the run more than they saved the next one
                ScratchDatabase.prepareSpare(server, set, first - 1, spare);
            }
        }
        return new CheckReport(set.lesson(), CheckReport.Mode.SCRATCH, results, stop);
    }

    /** Applies the task's reference solution where the learner's file would have run: in the sandbox, never as the admin. */
    private boolean applyReference(Task task, ScratchDatabase scratch) throws SQLException {
        try (Connection c = server.learner(scratch.name())) {
            return references.applySolution(c, set.numberOf(task)).isEmpty();
        }
    }

    /**
     * A task's result, and whether the learner's file left the scratch database untouched: missing, without SQL,
     * or unreadable, so nothing of it reached the server.
     */
    private record TaskRun(TaskResult result, boolean untouched) {
        static TaskRun of(TaskResult result, FileRun run) {
            return new TaskRun(result, result.status() == TaskResult.Status.NOT_ATTEMPTED || run.status() == FileRun.Status.UNREADABLE);
        }
    }

    /**
     * Snapshots the table, runs the learner's file, then judges the state it left, all in the sandbox: the
     * checks read on the judge's session, whatever the file planted runs with the file's rights at most.
     * A limit that ended the file's session (time, disk, locks, bytes received) fails the task with its reason.
     */
    private TaskRun runTask(int number, Task task, ScratchDatabase scratch, String onReference) throws SQLException {
        List<String> notes = new ArrayList<>();
        if (onReference != null) {
            notes.add(onReference);
        }
        String shown = shownFolder + task.file();
        Sandbox sandbox = server.sandbox();
        try (Connection judgeConnection = server.judge(scratch.name()); Handle handle = server.handleOn(judgeConnection)) {
            Optional<TableSnapshot> before = TableSnapshot.take(handle, set.table(), set.key(), conditions(task));
            FileRun run;
            try (Connection learner = server.learner(scratch.name())) {
                List<OutcomeNote> outcomeNotes = new ArrayList<>(task.outcomeNotes());
                outcomeNotes.addAll(set.outcomeNotes());
                run = new ExerciseRunner(set.errorNotes(), outcomeNotes).run(submission, task.file(), shown, learner);
            }
            notes.addAll(run.notes());
            Optional<String> limit = sandbox.stopped().map(why -> whileRunning(why, shown))
                    .or(() -> sandbox.takeLimitHit().map(why -> shown + " was stopped: " + why));
            if (limit.isPresent()) {
                return TaskRun.of(new TaskResult(task.id(), number, task.title(), task.bonus(), TaskResult.Status.FAILED, shown,
                        TaskJudge.allFailed(task, limit.get()), run.sqlErrors(), notes, run.failures()), run);
            }
            if (run.status() == FileRun.Status.EMPTY || run.status() == FileRun.Status.MISSING) {
                notes.remove(onReference); // how a task not yet written was judged is of no interest yet
                String why = run.status() == FileRun.Status.MISSING ? shown + " is missing" : "not attempted yet: " + shown + " has no SQL";
                return TaskRun.of(new TaskResult(task.id(), number, task.title(), task.bonus(), TaskResult.Status.NOT_ATTEMPTED, shown,
                        TaskJudge.allFailed(task, why), run.sqlErrors(), notes, run.failures()), run);
            }
            if (run.status() == FileRun.Status.UNREADABLE) {
                return TaskRun.of(new TaskResult(task.id(), number, task.title(), task.bonus(), TaskResult.Status.FAILED, shown,
                        TaskJudge.allFailed(task, String.join("; ", run.sqlErrors())), run.sqlErrors(), notes, run.failures()), run);
            }
            Inspection inspection = new Inspection(handle, before, false, set.table(), set.key(), set.labelColumn());
            inspection.readAhead(task.checks()); // what the checks read, in one round trip
            List<CheckResult> checks = TaskJudge.judge(task, inspection);
            TaskResult.Status status = TaskJudge.status(checks);
            // a statement that ran but missed (UPDATE 0) is the cause of a failure, and noise beside a pass
            List<String> said = status == TaskResult.Status.PASSED ? run.sqlErrors() : run.said();
            if (!said.isEmpty()) {
                checks = TaskJudge.withoutHints(checks); // the cause is what the file's run said; a check's hint is for another mistake
            }
            return TaskRun.of(new TaskResult(task.id(), number, task.title(), task.bonus(), status, shown,
                    checks, said, notes, run.failures()), run);
        } catch (SQLException e) {
            // the sandbox's time ran out between two sessions: the task is reported with that reason, not as a crash
            Optional<String> stopped = sandbox.stopped();
            if (stopped.isEmpty()) {
                throw e;
            }
            return new TaskRun(TaskJudge.notRun(number, task, shown, whileRunning(stopped.get(), shown)), false);
        }
    }

    /** "the time limit of 30 s ran out while exercises/lesson3/05-email-index.sql was running". */
    private static String whileRunning(String why, String shown) {
        return why + " while " + shown + " was running";
    }

    /** Judges the learner's own database as it is now: no files run, nothing changed. */
    public CheckReport live(Optional<Integer> onlyTask) {
        return live(onlyTask, message -> { });
    }

    /**
     * Judges the learner's own database as it is now: no files run, nothing changed. A task the start state
     * passes too is not judged ({@link LiveVisibility}); {@code progress} hears about slow work first.
     */
    public CheckReport live(Optional<Integer> onlyTask, Consumer<String> progress) {
        List<TaskResult> results;
        try (Handle handle = server.admin()) {
            results = judgeLive(handle, "crm_db");
        }
        List<TaskResult> settled = LiveVisibility.apply(set, results, passedByDoingNothing(progress));
        List<TaskResult> shown = onlyTask.map(n -> settled.subList(n - 1, n)).orElse(settled);
        return new CheckReport(set.lesson(), CheckReport.Mode.LIVE, shown, null);
    }

    /** Every task judged on the database behind {@code handle} as --live does: one look, supersession applied. */
    private List<TaskResult> judgeLive(Handle handle, String shown) {
        List<TaskResult> results = new ArrayList<>();
        Inspection inspection = new Inspection(handle, Optional.empty(), true, set.table(), set.key(), set.labelColumn());
        // one look at a database that does not change meanwhile: every task's reads in one round trip
        inspection.readAhead(set.tasks().stream().flatMap(task -> task.checks().stream()).toList());
        for (int number = 1; number <= set.tasks().size(); number++) {
            Task task = set.tasks().get(number - 1);
            List<CheckResult> checks = TaskJudge.judge(task, inspection);
            results.add(new TaskResult(task.id(), number, task.title(), task.bonus(), TaskJudge.status(checks),
                    shown, checks, List.of(), List.of()));
        }
        return LiveSupersession.apply(set, results);
    }

    /**
     * The tasks the assignment's start state (reference state 0, kept on the server) passes as it is, read in
     * the sandbox like any reference state. Without a sandbox (the admin may not create its role) no task is
     * set aside, and {@code progress} says so.
     */
    private Set<Integer> passedByDoingNothing(Consumer<String> progress) {
        try {
            server.prepareReferenceStates(set, progress);
            String start = server.referenceState(set, 0);
            try (Connection c = server.judge(start); Handle handle = server.handleOn(c)) {
                return LiveVisibility.passedByDoingNothing(judgeLive(handle, "the start state"));
            } finally {
                server.leave(start);
            }
        } catch (UserError e) {
            progress.accept("Cannot tell which tasks doing nothing would pass (" + e.getMessage() + "): every task is judged as it looks.");
            return Set.of();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the assignment's start state: " + e.getMessage(), e);
        }
    }

    /** The conditions a task's checks pick rows by, so the snapshot can remember which rows they picked before. */
    private static Set<String> conditions(Task task) {
        Set<String> wheres = new LinkedHashSet<>();
        for (CheckSpec spec : task.checks()) {
            if (spec.where() != null) {
                wheres.add(spec.where());
            }
        }
        return wheres;
    }
}
