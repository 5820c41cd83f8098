package workbook.notebook;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import workbook.UserError;
import workbook.db.ConnectionInfo;

/**
 * The notebook's connections to the learner's server: the main one on crm_db that every sql cell shares,
 * plus one per `session=NAME` and per `database=NAME` a cell asks for, opened on first use and kept open
 * across cells (so a transaction begun in one cell goes on in the next), all reopened after a restart.
 */
public final class NotebookSessions implements AutoCloseable {
    static final String MAIN = "main";

    private ConnectionInfo server;
    private Connection main;
    private final Map<String, Connection> others = new LinkedHashMap<>();

    /** @param main an open autocommit connection on {@code server}'s database (crm_db) */
    public NotebookSessions(ConnectionInfo server, Connection main) {
        this.server = server;
        this.main = main;
    }

    public Connection main() {
        return main;
    }

    /** The connection a sql cell runs on, from its `session=` and `database=` attributes. */
    public synchronized Connection forCell(CodeCell cell) {
        String session = cell.attributes().getOrDefault("session", MAIN);
        String database = cell.attributes().getOrDefault("database", server.database());
        if (session.equals(MAIN) && database.equals(server.database())) {
            return main;
        }
        String key = session + "@" + database;
        Connection open = others.get(key);
        if (open == null) {
            open = open(session, database);
            others.put(key, open);
        }
        return open;
    }

    /** The database a cell's connection is on: its `database=`, else the server's (crm_db). */
    public String databaseOf(CodeCell cell) {
        return cell.attributes().getOrDefault("database", server.database());
    }

    /** A cell's connection in words: "crm_db", "crm_lab_acid", or "session b on crm_lab_acid" with `session=`. */
    public String describe(CodeCell cell) {
        String session = cell.attributes().get("session");
        return session == null || session.equals(MAIN) ? databaseOf(cell) : "session " + session + " on " + databaseOf(cell);
    }

    /** How many connections are open besides the main one. */
    public synchronized int extra() {
        return others.size();
    }

    /**
     * After the server restarted (its old connections are gone): closes every connection and opens the
     * main one again on {@code restarted}; the others reopen when a cell next asks for them.
     */
    public synchronized void reopen(ConnectionInfo restarted) {
        closeAll();
        server = restarted;
        main = connect(restarted, SQL_CELLS);
    }

    private Connection open(String session, String database) {
        if (!database.equals(server.database())) {
            LabDatabase.ensure(server, database);
        }
        return connect(server.withDatabase(database), session.equals(MAIN) ? SQL_CELLS : SQL_CELLS + ", session " + session);
    }

    /** What pg_stat_activity's application_name shows for the sql cells' main session (the lesson queries it). */
    static final String SQL_CELLS = "workbook sql cells";

    static Connection connect(ConnectionInfo info) {
        return connect(info, SQL_CELLS);
    }

    private static Connection connect(ConnectionInfo info, String applicationName) {
        try {
            Connection connection = DriverManager.getConnection(info.jdbcUrl(), info.login(applicationName));
            connection.setAutoCommit(true);
            return connection;
        } catch (SQLException e) {
            throw UserError.environment("Cannot connect to " + info.jdbcUrl() + " as " + info.user() + ": " + e.getMessage()
                    + " Is the database up? `./jbang db status` tells.", e);
        }
    }

    private void closeAll() {
        List<Connection> all = new ArrayList<>(others.values());
        all.add(main);
        others.clear();
        for (Connection connection : all) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // a connection the restart already cut; nothing to release
            }
        }
    }

    @Override
    public synchronized void close() {
        closeAll();
    }
}
