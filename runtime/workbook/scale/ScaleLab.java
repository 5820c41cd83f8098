package workbook.scale;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import workbook.db.ConnectionInfo;
import workbook.db.DatabaseSettings;
import workbook.db.LabServer;
import workbook.db.ServerAdmin;
import workbook.sql.ScriptRunner;
import workbook.sql.StatementOutcome;
import workbook.sql.StatementRun;
import workbook.terminal.FailureReport;
import workbook.terminal.ResultTable;
import workbook.terminal.TerminalWidth;

/**
 * What the scale lab's java cells hold on to: the servers it started (under .workbook/labs/), the services,
 * pools and anything else to close, all closed together by {@link #close()}, by the next {@link #open()} (a
 * cell run again), and on any exit of the JVM (each server has its own shutdown hook). Its SQL runs as written
 * (ScriptRunner) as the server's superuser, the results shown as the notebook shows a sql cell's.
 */
public final class ScaleLab implements AutoCloseable {
    /** The lab's database on each of its servers. */
    public static final String DATABASE = "crm_lab_scale";
    /** The least-privilege role the service logs in as (the lab's cells create it). */
    public static final String APP_ROLE = "crm_app";
    public static final String APP_PASSWORD = "crm_app_password";

    private static ScaleLab current;

    private final DatabaseSettings settings;
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    private ScaleLab(DatabaseSettings settings) {
        this.settings = settings;
    }

    /** A lab with nothing started yet; whatever an earlier open() of this JVM started is stopped first. */
    public static synchronized ScaleLab open() {
        if (current != null) {
            current.close();
        }
        current = new ScaleLab(DatabaseSettings.fromEnvironment());
        return current;
    }

    /** Starts a fresh PostgreSQL 14 of the lab's own, with the database crm_lab_scale. */
    public LabServer server(String name) {
        return keep(LabServer.start(settings, name, DATABASE));
    }

    /** Starts a hot standby of {@code primary}, streaming its changes (see {@link LabServer#replicaOf}). */
    public LabServer replicaOf(LabServer primary, String name) {
        return keep(LabServer.replicaOf(settings, primary, name));
    }

    /** The application's login on a server: the role crm_app, not the superuser. */
    public ConnectionInfo app(LabServer server) {
        ConnectionInfo admin = server.connection();
        return new ConnectionInfo(admin.host(), admin.port(), DATABASE, APP_ROLE, APP_PASSWORD);
    }

    /** A pool of the application's connections on a server, closed with the lab. */
    public ConnectionSource pool(LabServer server, int size) {
        return keep(ConnectionSource.pooled(app(server), size));
    }

    /** Connections opened per request on a server, as the application's role. */
    public ConnectionSource newConnectionEachTime(LabServer server) {
        return ConnectionSource.newConnectionEachTime(app(server));
    }

    /** Starts the HTTP service on {@code store} with {@code threads} request threads, stopped with the lab. */
    public UserService service(UserStore store, int threads) throws java.io.IOException {
        return keep(UserService.start(store, threads));
    }

    /**
     * Runs {@code script} on a server as its superuser and returns what it showed: rows as tables, command tags.
     * The first failing statement ends it with an exception saying why, as psql with ON_ERROR_STOP.
     */
    public String sql(LabServer server, String script) throws SQLException {
        StringBuilder shown = new StringBuilder();
        try (Connection c = ServerAdmin.connect(server.connection(), 10)) {
            List<StatementRun> runs = ScriptRunner.run(c, script, ScriptRunner.StopRule.FIRST_FAILURE);
            ResultTable table = new ResultTable(false, TerminalWidth.forTables(0));
            for (StatementRun run : runs) {
                if (run.skipped()) {
                    continue;
                }
                StatementOutcome outcome = run.outcome();
                if (outcome instanceof StatementOutcome.Rows rows) {
                    shown.append(table.render(rows)).append('\n');
                } else if (outcome instanceof StatementOutcome.Done done) {
                    shown.append(done.commandTag()).append('\n');
                } else if (outcome instanceof StatementOutcome.Failed failed) {
                    throw new IllegalStateException(server.name() + ": " + String.join("\n",
                            new FailureReport(TerminalWidth.forTables(0)).lines(failed, run.statement().text(), "")));
                }
            }
        }
        return shown.toString();
    }

    /** Anything to close with the lab (a service, a pool), closed in the reverse order of keeping. */
    public synchronized <T extends AutoCloseable> T keep(T resource) {
        opened.push(resource);
        return resource;
    }

    /** The servers' folders under .workbook/labs/ now: empty once the lab is closed. */
    public List<java.nio.file.Path> folders() {
        return LabServer.folders(settings);
    }

    /** Stops services and pools, newest first, then the servers all at once; the servers' folders are deleted. */
    @Override
    public synchronized void close() {
        List<Thread> stopping = new java.util.ArrayList<>();
        while (!opened.isEmpty()) {
            AutoCloseable next = opened.pop();
            if (next instanceof LabServer server) {
                // each stop mostly waits for its server to exit: side by side, five take the time of one
                stopping.add(new Thread(server::close, "stop-" + server.name()));
                stopping.get(stopping.size() - 1).start();
                continue;
            }
            try {
                next.close();
            } catch (Exception e) {
                // one thing that fails to stop must not keep the others (the servers above all) running
            }
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the servers' own shutdown hooks finish the job
            }
        }
    }
}
