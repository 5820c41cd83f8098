package workbook.sql;

/**
 * A message PostgreSQL sent beside a statement's result, e.g. NOTICE {@code relation "users" already exists,
 * skipping} or WARNING {@code there is no transaction in progress}.
 *
 * @param severity NOTICE, WARNING, INFO, LOG or DEBUG, as the server said
 */
public record ServerNotice(String severity, String message) {

    /** As psql prints it: {@code WARNING:  there is no transaction in progress}. */
    public String line() {
        return severity + ":  " + message;
    }
}
