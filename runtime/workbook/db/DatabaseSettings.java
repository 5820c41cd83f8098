package workbook.db;

import java.nio.file.Path;
import workbook.WorkbookHome;

/**
 * The knobs behind the providers that a learner never needs but tests and instructors do: where the
 * state lives, which host port to prefer, the Docker container's name, where the embedded binaries go.
 */
public record DatabaseSettings(WorkbookHome home, int preferredPort, String containerName, Path binariesDir) {

    public static final int DEFAULT_PORT = 5432;
    public static final String DEFAULT_CONTAINER = "crm-postgres";
    public static final String IMAGE = "postgres:14";

    /**
     * The learner's settings: the checkout's .workbook/, port 5432 and container crm-postgres, unless
     * WORKBOOK_DB_PORT / WORKBOOK_DOCKER_CONTAINER / WORKBOOK_PG_BINARIES (or the same names as system
     * properties) say otherwise, so tests never touch a learner's server.
     */
    public static DatabaseSettings fromEnvironment() {
        WorkbookHome home = WorkbookHome.locate();
        String port = setting("WORKBOOK_DB_PORT");
        String container = setting("WORKBOOK_DOCKER_CONTAINER");
        String binaries = setting("WORKBOOK_PG_BINARIES");
        int preferred;
        try {
            preferred = port == null ? DEFAULT_PORT : Integer.parseInt(port.strip());
        } catch (NumberFormatException e) {
            throw workbook.UserError.badInput("WORKBOOK_DB_PORT must be a port number, not '" + port + "'.");
        }
        return new DatabaseSettings(home, preferred,
                container == null ? DEFAULT_CONTAINER : container.strip(),
                binaries == null ? home.stateDir().resolve("postgres-binaries") : Path.of(binaries));
    }

    /** Settings for a test: its own state folder and container name, a port of its choosing. */
    public static DatabaseSettings forTests(Path root, int preferredPort, String containerName, Path binariesDir) {
        return new DatabaseSettings(new WorkbookHome(root), preferredPort, containerName, binariesDir);
    }

    /** The same settings for another container (the one the workbook remembers having started). */
    public DatabaseSettings withContainer(String name) {
        return new DatabaseSettings(home, preferredPort, name, binariesDir);
    }

    /**
     * The named volume that keeps the container's data, as the lesson's `docker run -v crm-pgdata:...`:
     * a removed container leaves it, and the next container of that name finds the data again.
     */
    public String volumeName() {
        return containerName.equals(DEFAULT_CONTAINER) ? "crm-pgdata" : containerName + "-pgdata";
    }

    private static String setting(String name) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? null : value;
    }

    public Path stateDir() {
        return home.stateDir();
    }

    public Path logsDir() {
        return home.logsDir();
    }
}
