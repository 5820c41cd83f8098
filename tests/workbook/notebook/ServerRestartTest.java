package workbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.Slow;
import workbook.WorkbookHome;
import workbook.db.DatabaseSettings;
import workbook.db.EmbeddedServer;
import workbook.db.FreePorts;
import workbook.db.RunningServer;

/** A server cell on the embedded provider really stops and starts PostgreSQL: committed rows stay, open transactions go. */
@Slow
class ServerRestartTest {
    @TempDir
    Path root;

    @Test
    void restartingTheEmbeddedServerKeepsCommittedRowsAndReconnectsEverySession() throws Exception {
        EmbeddedServer server = embeddedServer();
        RunningServer db = server.up();
        try (NotebookSessions sessions = new NotebookSessions(db.connection(), NotebookSessions.connect(db.connection()))) {
            NotebookContext context = oneRowCommittedOneOpen(db, sessions);
            long startedBefore = startTime(sessions.main());

            CellOutput restart = new ServerCellKind(() -> server).run(new CodeCell(3, "server", "restart", Map.of(), null, "Durability", 1), context);

            assertThat(restart.outcome()).isEqualTo(CellOutput.Outcome.OK);
            assertThat(restart.outputs()).map(Object::toString).anyMatch(o -> o.contains("Stopped the embedded PostgreSQL"));
            // a clean stop wrote a shutdown checkpoint: nothing to replay
            assertThat(restart.outputs().toString()).doesNotContain("redo starts at");
            assertThat(startTime(sessions.main())).as("the server really restarted").isGreaterThan(startedBefore);
            try (Statement s = sessions.main().createStatement(); ResultSet rs = s.executeQuery("SELECT string_agg(body, ',') FROM notes")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("committed");
            }
            CodeCell again = cell("SELECT 1;", Map.of("session", "b"));
            assertThat(new SqlCellKind(100).run(again, context).outcome()).as("session b reopens after the restart").isEqualTo(CellOutput.Outcome.OK);
        } finally {
            server.stop();
        }
    }

    @Test
    void aCrashLeavesNoShutdownCheckpointSoTheNextStartReplaysTheWal() throws Exception {
        EmbeddedServer server = embeddedServer();
        RunningServer db = server.up();
        try (NotebookSessions sessions = new NotebookSessions(db.connection(), NotebookSessions.connect(db.connection()))) {
            NotebookContext context = oneRowCommittedOneOpen(db, sessions);

            CellOutput crash = new ServerCellKind(() -> server).run(new CodeCell(3, "server", "crash", Map.of(), null, "Durability", 1), context);

            String shown = crash.outputs().toString();
            assertThat(crash.outcome()).as(shown).isEqualTo(CellOutput.Outcome.OK);
            assertThat(shown).contains("no shutdown checkpoint", "not properly shut down", "redo starts at")
                    .doesNotContain("database system was shut down at");
            try (Statement s = sessions.main().createStatement(); ResultSet rs = s.executeQuery("SELECT string_agg(body, ',') FROM notes")) {
                rs.next();
                assertThat(rs.getString(1)).as("the committed row came back from the WAL, the open one did not").isEqualTo("committed");
            }
        } finally {
            server.stop();
        }
    }

    private EmbeddedServer embeddedServer() throws IOException {
        Files.writeString(root.resolve("jbang-catalog.json"), "{}");
        return new EmbeddedServer(DatabaseSettings.forTests(root, FreePorts.anyFree(), "crm-postgres-unused",
                Path.of("target", "pg-binaries").toAbsolutePath()));
    }

    /** A notebook context on {@code db} with one row committed and another inserted by session b in a transaction left open. */
    private NotebookContext oneRowCommittedOneOpen(RunningServer db, NotebookSessions sessions) {
        NotebookContext context = new NotebookContext(WorkbookHome.locate(), db, sessions, root.resolve("notes.md"));
        SqlCellKind sql = new SqlCellKind(100);
        sql.run(cell("CREATE TABLE notes (body text); INSERT INTO notes VALUES ('committed');", Map.of()), context);
        sql.run(cell("BEGIN; INSERT INTO notes VALUES ('open');", Map.of("session", "b")), context);
        return context;
    }

    private static CodeCell cell(String source, Map<String, String> attributes) {
        return new CodeCell(1, "sql", source, attributes, null, "Durability", 1);
    }

    private static long startTime(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT extract(epoch FROM pg_postmaster_start_time()) * 1000000")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
