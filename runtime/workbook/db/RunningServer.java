package workbook.db;

/**
 * The learner's server once it answers: how to connect to crm_db, which provider runs it, and in words
 * what the workbook did ("started the Docker container crm-postgres from postgres:14 on port 5432").
 */
public record RunningServer(ConnectionInfo connection, String provider, String description) {
}
