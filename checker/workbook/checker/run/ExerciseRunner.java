package workbook.checker.run;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import workbook.checker.result.SqlFailure;
import workbook.checker.task.ErrorNote;
import workbook.checker.task.OutcomeNote;
import workbook.sql.CommandTag;
import workbook.sql.ScriptRunner;
import workbook.sql.ScriptRunner.StopRule;
import workbook.sql.SqlSource;
import workbook.sql.SqlText;
import workbook.sql.StatementOutcome;
import workbook.sql.StatementRun;
import workbook.sql.TransactionStatus;
import workbook.terminal.FailureReport;

/**
 * Runs a learner's exercise file as psql would: statement after statement, as written, on one
 * connection, going on after an error; psql commands are skipped with a note, and a transaction left
 * open at the end is rolled back as when psql exits.
 */
public final class ExerciseRunner {
    private final List<ErrorNote> errorNotes;
    private final List<OutcomeNote> outcomeNotes;

    public ExerciseRunner(List<ErrorNote> errorNotes) {
        this(errorNotes, List.of());
    }

    /** @param outcomeNotes explanations of statements that ran but missed, by command tag, the first match wins */
    public ExerciseRunner(List<ErrorNote> errorNotes, List<OutcomeNote> outcomeNotes) {
        this.errorNotes = List.copyOf(errorNotes);
        this.outcomeNotes = List.copyOf(outcomeNotes);
    }

    /** Runs {@code file}, naming it {@code shown} in messages (e.g. exercises/lesson3/01-add-columns.sql). */
    public FileRun run(Path file, String shown, Connection connection) throws SQLException {
        return run(SubmittedFiles.in(file.toAbsolutePath().getParent()), file.getFileName().toString(), shown, connection);
    }

    /** Runs {@code file} of {@code files}, naming it {@code shown} in messages. */
    public FileRun run(SubmittedFiles files, String file, String shown, Connection connection) throws SQLException {
        SqlText source;
        try {
            Optional<byte[]> bytes = files.read(file);
            if (bytes.isEmpty()) {
                return new FileRun(FileRun.Status.MISSING, List.of(), List.of(shown + " is missing"), 0);
            }
            source = SqlSource.decode(Path.of(file), bytes.get());
        } catch (IOException e) {
            return new FileRun(FileRun.Status.UNREADABLE, List.of(shown + ": cannot read it: " + e.getMessage()), List.of(), 0);
        }
        if (!source.ok()) {
            return new FileRun(FileRun.Status.UNREADABLE, List.of(shown + ": " + source.problem() + " (nothing in it was run)"), List.of(), 0);
        }
        FileTally tally = new FileTally(shown);
        // psql's default: an error does not stop the file (the runner stops only when the connection is lost)
        ScriptRunner.run(connection, source.statements(), StopRule.NEVER, tally::add);
        List<String> notes = tally.notes;
        if (tally.ignored > 0) {
            notes.add(tally.ignored + (tally.ignored == 1 ? " later statement was" : " later statements were")
                    + " ignored by PostgreSQL because an error had aborted the transaction (25P02): ROLLBACK, fix, run again");
        }
        // a lost session has no transaction left to roll back (asking it would only throw)
        TransactionStatus left = tally.lost ? TransactionStatus.IDLE : TransactionStatus.rollBackIfOpen(connection);
        if (left == TransactionStatus.OPEN) {
            notes.add(shown + " ends inside a transaction (BEGIN without COMMIT): its changes were rolled back, as when psql exits");
        } else if (left == TransactionStatus.FAILED) {
            notes.add(shown + " ends inside a failed transaction: nothing since its BEGIN was kept");
        }
        FileRun.Status status = tally.sent == 0 ? FileRun.Status.EMPTY : FileRun.Status.RAN;
        return new FileRun(status, tally.errors, notes, tally.sent, tally.said, tally.failures);
    }

    /** What the file's statements came to, heard statement by statement as the runner goes. */
    private final class FileTally {
        private final String shown;
        private final List<String> errors = new ArrayList<>();
        private final List<String> said = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final List<SqlFailure> failures = new ArrayList<>();
        /** Errors already explained: the second NOT NULL column failing the same way needs no second lecture. */
        private final Set<ErrorNote> explained = new HashSet<>();
        private final Set<OutcomeNote> outcomesExplained = new HashSet<>();
        private int sent;
        private int ignored;
        private boolean lost;

        FileTally(String shown) {
            this.shown = shown;
        }

        void add(StatementRun run) {
            if (run.skipped()) {
                notes.add(shown + ":" + run.statement().line() + ": skipped `" + run.statement().firstLine(40)
                        + "`: a psql command, which only psql understands (the checker runs SQL)");
                return;
            }
            sent++;
            if (run.outcome() instanceof StatementOutcome.Failed failed) {
                if (failed.inFailedTransaction()) {
                    ignored++; // counted, not listed: each would repeat "current transaction is aborted"
                    return;
                }
                String token = run.errorToken();
                String note = errorNotes.stream().filter(n -> n.matches(failed.sqlState(), failed.message(), token)).findFirst()
                        .filter(explained::add).map(ErrorNote::note).orElse(null);
                String error = FailureReport.compact(run, shown, note);
                errors.add(error);
                said.add(error);
                failures.add(new SqlFailure(failed.sqlState(), failed.message()));
                if (run.connectionLost()) {
                    notes.add("the connection to the database was lost; the rest of " + shown + " was not run");
                    lost = true;
                }
            } else {
                String tag = tagOf(run);
                outcomeNotes.stream().filter(n -> n.matches(tag)).findFirst().filter(outcomesExplained::add)
                        .ifPresent(n -> said.add(run.location(shown) + ": " + tag + "\n  " + n.note()));
            }
        }

        /** The tag psql would print: UPDATE 0, DELETE 1 (also after RETURNING rows); null for a query. */
        private static String tagOf(StatementRun run) {
            if (run.outcome() instanceof StatementOutcome.Done done) {
                return done.commandTag();
            }
            return run.outcome() instanceof StatementOutcome.Rows rows
                    ? CommandTag.forReturnedRows(run.statement().text(), rows.totalRows()) : null;
        }
    }
}
