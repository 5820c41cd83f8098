//DEPS org.jdbi:jdbi3-core:3.55.0
//DEPS org.postgresql:postgresql:42.7.14
package workbook.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The workbook's own SQL against a server, whatever the provider: does it answer, make sure crm_db
 * exists, recreate it for `db reset`, and read the lesson's state for `db status`.
 */
public final class ServerAdmin {
    /** pgjdbc logs through java.util.logging to the terminal; held here so the setting is not collected. */
    private static final Logger PGJDBC_LOG = Logger.getLogger("org.postgresql");

    static {
        PGJDBC_LOG.setLevel(Level.OFF);
    }

    private ServerAdmin() {
    }

    /** Loading this class silences pgjdbc's logger; callers that run first call this to make sure. */
    static void quietDriverLogs() {
        PGJDBC_LOG.setLevel(Level.OFF);
    }

    /** What `db status` tells about the lesson: is there a users table, and how many rows it holds. */
    public record LessonState(boolean usersTable, long users) {
        public String describe() {
            if (!usersTable) {
                return "no users table yet (the lesson creates it)";
            }
            return "users table present, " + users + (users == 1 ? " row" : " rows");
        }
    }

    /** A JDBC connection that gives up quickly: a status check must not hang on a silent host. */
    public static Connection connect(ConnectionInfo info, int timeoutSeconds) throws SQLException {
        Properties props = info.login("crm-workbook");
        props.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
        // the TCP connect bounds the wait for a silent host; logging in (SCRAM) on a busy two-core machine
        // can take seconds, and must not be mistaken for a server that is down
        props.setProperty("loginTimeout", Integer.toString(Math.max(timeoutSeconds, 10)));
        return DriverManager.getConnection(info.jdbcUrl(), props);
    }

    static Jdbi jdbi(ConnectionInfo info) {
        return Jdbi.create(() -> connect(info, 10));
    }

    /** True when the database answers a query right now. */
    public static boolean answers(ConnectionInfo info) {
        try (Connection c = connect(info, 3)) {
            return c.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Invalid password, invalid authorization, no such database. */
    private static final Set<String> REFUSED_FOR_GOOD = Set.of("28P01", "28000", "3D000");

    /**
     * Polls until the database answers, the deadline passes, the server refuses for good (a wrong password
     * or database), or the server is gone (a crashed start should fail in a second, not after the whole
     * timeout). Returns the last failure, or null.
     */
    public static SQLException waitUntilAnswers(ConnectionInfo info, Duration timeout, BooleanSupplier serverAlive) {
        long deadline = System.nanoTime() + timeout.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try (Connection c = connect(info, 2)) {
                if (c.isValid(2)) {
                    return null;
                }
            } catch (SQLException e) {
                last = e;
                if (REFUSED_FOR_GOOD.contains(e.getSQLState())) {
                    // a wrong password or a missing database is the server's final answer, not a start still under
                    // way (while starting it refuses TCP, or answers 57P03): waiting 90 s would only hide the cause
                    return e;
                }
            }
            if (!serverAlive.getAsBoolean()) {
                break;
            }
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return last == null ? new SQLException("the server did not answer within " + timeout.toSeconds() + "s") : last;
    }

    /** Creates the lesson's database, owned by the connecting user, unless it is there already. Returns true if created. */
    public static boolean ensureDatabase(ConnectionInfo lessonDb) {
        return jdbi(lessonDb.withDatabase("postgres")).withHandle(h -> {
            boolean exists = h.createQuery("SELECT count(*) > 0 FROM pg_database WHERE datname = :name")
                    .bind("name", lessonDb.database()).mapTo(Boolean.class).one();
            if (!exists) {
                h.execute("CREATE DATABASE " + quote(lessonDb.database()) + " OWNER " + quote(lessonDb.user()));
            }
            return !exists;
        });
    }

    /** Drops the lesson's database, closing other sessions on it first, and creates it empty with the same owner. */
    public static void recreateDatabase(ConnectionInfo lessonDb) {
        jdbi(maintenanceFor(lessonDb)).useHandle(h -> {
            dropDatabase(h, lessonDb.database());
            h.execute("CREATE DATABASE " + quote(lessonDb.database()) + " OWNER " + quote(lessonDb.user()));
        });
    }

    /** Drops a database of the workbook's own (a scratch copy), closing other sessions on it first. */
    public static void dropDatabase(ConnectionInfo db) {
        jdbi(maintenanceFor(db)).useHandle(h -> dropDatabase(h, db.database()));
    }

    static void dropDatabase(Handle h, String name) {
        h.createQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name AND pid <> pg_backend_pid()")
                .bind("name", name).mapTo(Boolean.class).list();
        h.execute("DROP DATABASE IF EXISTS " + quote(name));
    }

    /** The database to connect to for CREATE/DROP DATABASE: postgres, or template1 where postgres is missing. */
    static ConnectionInfo maintenanceFor(ConnectionInfo lessonDb) {
        ConnectionInfo postgres = lessonDb.withDatabase("postgres");
        try (Connection c = connect(postgres, 5)) {
            return postgres;
        } catch (SQLException e) {
            return lessonDb.withDatabase("template1");
        }
    }

    public static LessonState lessonState(ConnectionInfo lessonDb) {
        return jdbi(lessonDb).withHandle(h -> {
            boolean table = h.createQuery("SELECT to_regclass('users') IS NOT NULL").mapTo(Boolean.class).one();
            long rows = table ? h.createQuery("SELECT count(*) FROM users").mapTo(Long.class).one() : 0;
            return new LessonState(table, rows);
        });
    }

    /** A SQL identifier in double quotes, so names like crm_db or "Mixed Case" both work. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
