package workbook.db;

/** Where the learner's PostgreSQL listens and how to log in; the same for every provider. */
public record ConnectionInfo(String host, int port, String database, String user, String password) {

    /** The lesson's names: database crm_db, user crmuser, password crmpassword. */
    public static final String LESSON_DATABASE = "crm_db";
    public static final String LESSON_USER = "crmuser";
    public static final String LESSON_PASSWORD = "crmpassword";

    public static ConnectionInfo lesson(String host, int port) {
        return new ConnectionInfo(host, port, LESSON_DATABASE, LESSON_USER, LESSON_PASSWORD);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The same server, another database on it (scratch databases of the checker and grader). */
    public ConnectionInfo withDatabase(String otherDatabase) {
        return new ConnectionInfo(host, port, otherDatabase, user, password);
    }

    /** A line to paste into a shell; psql asks for the password, as in the lesson. */
    public String psqlCommand() {
        return "psql -h " + host + " -p " + port + " -U " + user + " -d " + database;
    }
}
