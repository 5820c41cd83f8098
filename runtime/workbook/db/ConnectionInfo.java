package workbook.db;

import java.util.Properties;

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
    /**
     * The driver's login as this user, the session named {@code applicationName}: pg_stat_activity then tells
     * the workbook's sessions from psql's and from each other.
     */
    public Properties login(String applicationName) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", applicationName);
        return properties;
    }

    public String psqlCommand() {
        return "psql -h " + host + " -p " + port + " -U " + user + " -d " + database;
    }
}
