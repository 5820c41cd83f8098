package workbook.checker.run;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import workbook.checker.task.ErrorNote;
import workbook.sql.SqlSource;
import workbook.sql.SqlStateNames;
import workbook.sql.SqlStatement;
import workbook.sql.SqlText;
import workbook.sql.StatementExecutor;
import workbook.sql.StatementOutcome;
import workbook.sql.TransactionStatus;

/**
 * Runs a learner's exercise file as psql would: statement after statement, as written, on one
 * connection, going on after an error; psql commands are skipped with a note, and a transaction left
 * open at the end is rolled back as when psql exits.
 */
public final class ExerciseRunner {
    private final List<ErrorNote> errorNotes;

    public ExerciseRunner(List<ErrorNote> errorNotes) {
        this.errorNotes = List.copyOf(errorNotes);
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
        List<String> errors = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<SqlStatement> statements = source.statements();
        int run = 0;
        int ignored = 0;
        Set<ErrorNote> explained = new HashSet<>();
        boolean lost = false;
        for (SqlStatement statement : statements) {
            if (statement.isMeta()) {
                notes.add(shown + ":" + statement.line() + ": skipped `" + statement.firstLine(40)
                        + "`: a psql command, which only psql understands (the checker runs SQL)");
                continue;
            }
            run++;
            StatementOutcome outcome = StatementExecutor.execute(connection, statement.text());
            if (outcome instanceof StatementOutcome.Failed failed) {
                if (failed.inFailedTransaction()) {
                    ignored++;
                    continue;
                }
                errors.add(describe(shown, statement, failed, explained));
                if (failed.connectionLost()) {
                    notes.add("the connection to the database was lost; the rest of " + shown + " was not run");
                    lost = true;
                    break;
                }
            }
        }
        if (ignored > 0) {
            notes.add(ignored + (ignored == 1 ? " later statement was" : " later statements were")
                    + " ignored by PostgreSQL because an error had aborted the transaction (25P02): ROLLBACK, fix, run again");
        }
        // a lost session has no transaction left to roll back (asking it would only throw)
        TransactionStatus left = lost ? TransactionStatus.IDLE : TransactionStatus.rollBackIfOpen(connection);
        if (left == TransactionStatus.OPEN) {
            notes.add(shown + " ends inside a transaction (BEGIN without COMMIT): its changes were rolled back, as when psql exits");
        } else if (left == TransactionStatus.FAILED) {
            notes.add(shown + " ends inside a failed transaction: nothing since its BEGIN was kept");
        }
        FileRun.Status status = run == 0 ? FileRun.Status.EMPTY : FileRun.Status.RAN;
        return new FileRun(status, errors, notes, run);
    }

    private String describe(String shown, SqlStatement statement, StatementOutcome.Failed failed, Set<ErrorNote> explained) {
        StringBuilder text = new StringBuilder(shown).append(':').append(statement.positionOf(failed.position()))
                .append(": ERROR: ").append(failed.message());
        if (failed.sqlState() != null) {
            String name = SqlStateNames.of(failed.sqlState());
            text.append(" (").append(failed.sqlState()).append(name == null ? "" : " " + name).append(')');
        }
        if (failed.detail() != null) {
            text.append("\n  DETAIL: ").append(failed.detail());
        }
        if (failed.hint() != null) {
            text.append("\n  HINT: ").append(failed.hint());
        }
        // each explanation once per file: the second NOT NULL column failing the same way needs no second lecture
        errorNotes.stream().filter(n -> n.matches(failed.sqlState(), failed.message())).findFirst()
                .filter(explained::add)
                .ifPresent(n -> text.append("\n  ").append(n.note()));
        return text.toString();
    }
}
