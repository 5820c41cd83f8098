package workbook.db;

import java.security.MessageDigest;
import java.sql.DriverManager;
import javax.crypto.Mac;
import org.jdbi.v3.core.Jdbi;

/**
 * Readies the JDBC driver, the crypto of a SCRAM login and Jdbi on a thread of their own while the main
 * thread is still reading the command line (picocli) and the lesson's files: a command that reaches the
 * database then finds them initialised instead of paying for them one after the other. Only classes are
 * initialised here; nothing connects, and the main thread never waits for this thread unless it needs a
 * class this thread is initialising at that moment. Each step starts from the entry point the main thread
 * uses too (DriverManager, Jdbi.create), so the two never initialise the same classes in another order.
 */
final class DriverWarmup {
    private DriverWarmup() {
    }

    /**
     * Set to {@code off} by a command that reaches its database only after it has shown something (the walk paints
     * its first screen first): there the warm-up would only take the CPU that screen needs.
     */
    static final String SWITCH = "workbook.driverWarmup";

    /** Starts the warm-up once per JVM; a daemon thread, so it never holds a command's exit. */
    static void start() {
        if ("off".equals(System.getProperty(SWITCH))) {
            return;
        }
        Thread warm = new Thread(DriverWarmup::run, "driver warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    private static void run() {
        try {
            DriverManager.getDrivers(); // loads and registers pgjdbc (and any other driver on the class path)
            Mac.getInstance("HmacSHA256"); // SCRAM-SHA-256: the JCE provider's start-up
            MessageDigest.getInstance("SHA-256");
            Jdbi.create("jdbc:postgresql://localhost/warmup"); // its configuration registry, argument and mapper factories
            // Jdbi registers its statement event with Flight Recorder on the first query: JFR's metadata and a
            // generated handler class, a tenth of `db status`. An internal class, so only if this Jdbi has it.
            Class.forName("org.jdbi.v3.core.statement.internal.JfrSupport", true, Jdbi.class.getClassLoader());
        } catch (Exception | LinkageError e) {
            // a warm-up only: whatever failed here fails, or succeeds, again where it is really needed
        }
    }
}
