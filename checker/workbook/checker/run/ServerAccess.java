//DEPS org.jdbi:jdbi3-core:3.55.0
//DEPS org.postgresql:postgresql:42.7.14
package workbook.checker.run;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import workbook.db.ConnectionInfo;

/**
 * How the checker reaches the server: an admin handle on the learner's database (used only to create
 * and drop the checker's own databases, never to change crm_db), and connections to any other database
 * on the same server. A grader may open learner connections as a less privileged role.
 */
public class ServerAccess {
    private final ConnectionInfo info;
    private boolean backgroundDrops;

    public ServerAccess(ConnectionInfo info) {
        this.info = info;
    }

    /** Scratch copies are then dropped on a thread of their own (for a learner waiting on a verdict). */
    public ServerAccess dropsInBackground() {
        this.backgroundDrops = true;
        return this;
    }

    public boolean backgroundDrops() {
        return backgroundDrops;
    }

    public ConnectionInfo info() {
        return info;
    }

    /** A Jdbi handle on the database named in {@link #info()} (the learner's crm_db), autocommit. */
    public Handle admin() {
        return Jdbi.create(info.jdbcUrl(), info.user(), info.password()).open();
    }

    /** A connection to another database on the same server, for the workbook's own SQL. */
    public Connection connect(String database) throws SQLException {
        ConnectionInfo other = info.withDatabase(database);
        return DriverManager.getConnection(other.jdbcUrl(), other.user(), other.password());
    }

    /**
     * A Jdbi handle on a connection this class gave out, for the checks. A grader overrides it to share
     * one Jdbi, whose cache of parsed SQL then serves every submission instead of parsing anew per task.
     */
    public Handle handleOn(Connection connection) {
        return Jdbi.open(connection);
    }

    /**
     * Creates the scratch database {@code name} as a copy of {@code template}. A grader overrides it to
     * create the copy inside a student's sandbox (its own role, closed to others).
     */
    public void createScratchDatabase(String name, String template) {
        try (Handle admin = admin()) {
            admin.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
        }
    }

    /** Drops a scratch database {@link #createScratchDatabase} made. A grader overrides it for copies it recycles instead. */
    public void dropScratchDatabase(String name) {
        try (Handle admin = admin()) {
            ScratchDatabase.drop(admin, name);
        }
    }

    /** A connection on which a learner's file runs; a statement_timeout keeps a runaway query from hanging the check. */
    public Connection connectLearner(String database) throws SQLException {
        Connection c = connect(database);
        try (var s = c.createStatement()) {
            s.execute("SET statement_timeout = '15s'");
        }
        return c;
    }
}
