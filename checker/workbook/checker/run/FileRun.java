package workbook.checker.run;

import java.util.List;
import workbook.checker.result.SqlFailure;

/**
 * What running one exercise file did: whether there was anything to run, the PostgreSQL errors it
 * met (each "file:line:column: message" with an explanation when one is known), and other remarks.
 *
 * @param failures the PostgreSQL errors of {@code sqlErrors} as data (SQLSTATE and message), for the class report
 * @param said what the file's statements said that may explain a failed task, in file order: its errors, and
 *             the results an outcome note explains ({@code file:3:1: UPDATE 0} and why)
 */
public record FileRun(Status status, List<String> sqlErrors, List<String> notes, int statementsRun, List<String> said,
                      List<SqlFailure> failures) {

    public FileRun {
        sqlErrors = List.copyOf(sqlErrors);
        notes = List.copyOf(notes);
        said = List.copyOf(said);
        failures = List.copyOf(failures);
    }

    /** A run whose errors are all it said. */
    public FileRun(Status status, List<String> sqlErrors, List<String> notes, int statementsRun) {
        this(status, sqlErrors, notes, statementsRun, sqlErrors, List.of());
    }

    public enum Status {
        /** Its statements were sent to the server (some may have failed). */
        RAN,
        /** No SQL in it yet: only the task's comments (psql commands alone do not count). */
        EMPTY,
        /** The file is not there. */
        MISSING,
        /** The bytes are not UTF-8: nothing was run rather than garbled SQL. */
        UNREADABLE
    }

    public boolean attempted() {
        return status == Status.RAN || status == Status.UNREADABLE;
    }
}
