package workbook.checker.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.FileTrees;
import workbook.TestDatabase;
import workbook.WorkbookHome;
import workbook.checker.TaskSetReader;
import workbook.checker.sandbox.SandboxDatabase;
import workbook.checker.task.TaskSet;
import workbook.db.ConnectionInfo;

/**
 * The one builder of reference states, as check keeps them and as grade builds them: the same state
 * whichever way it is built, copies that are the learner's alone, older names cleaned away, and a
 * reference solution that does not run named before anything is graded.
 */
class ReferenceStatesTest {
    private static final WorkbookHome HOME = WorkbookHome.locate();
    private static final TaskSet LESSON3 = TaskSetReader.forLesson(HOME, "lesson3");
    private static final TaskSet UPDATED_AT = TaskSetReader.forLesson(HOME, "lesson3-updated-at");
    private static ConnectionInfo crmDb;
    private static ServerAccess server;
    private static int databases;

    @BeforeAll
    static void aLearnersServer() throws SQLException {
        crmDb = TestDatabase.freshDatabase("reference_states");
        server = new ServerAccess(crmDb);
        server.prepareReferenceStates(LESSON3, message -> { });
    }

    @AfterAll
    static void closeTheSandbox() throws SQLException {
        server.close();
        for (int i = 1; i <= databases; i++) {
            adminExecute("DROP DATABASE IF EXISTS " + crmDb.database() + "_e" + i + " WITH (FORCE)");
        }
    }

    @Test
    void aStateBuiltInOneRoundTripIsTheKeptStateBuiltAFileAtATime() throws SQLException {
        ReferenceStates states = new ReferenceStates(LESSON3);
        for (int k : new int[] {0, 1, 2, 5}) {
            String empty = emptyDatabase();
            try (Connection session = server.learner(empty)) {
                states.build(session, k);
            } finally {
                server.leave(empty);
            }
            assertThat(signature(empty)).as("state %d", k).isEqualTo(signature(server.referenceState(LESSON3, k)));
        }
        assertThat(signature(server.referenceState(LESSON3, 2))).as("Bob inserted by task 2").anyMatch(line -> line.contains("bob@example.com"));
    }

    @Test
    void aScratchCopyHoldsItsStateAndWhatTheLearnerDoesThereStaysThere() throws SQLException {
        String kept = server.referenceState(LESSON3, 2);
        List<String> before = signature(kept);
        ScratchDatabase scratch = ScratchDatabase.holding(server, LESSON3, 2);
        assertThat(signature(scratch.name())).isEqualTo(before);
        try (Connection learner = server.learner(scratch.name()); Statement s = learner.createStatement()) {
            s.execute("DELETE FROM users WHERE email = 'bob@example.com'");
        }
        assertThat(signature(scratch.name())).noneMatch(line -> line.contains("bob@example.com"));
        assertThat(signature(kept)).isEqualTo(before);
        server.leave(scratch.name());
        scratch.close();
        assertThat(databaseNames()).doesNotContain(scratch.name());
    }

    @Test
    void statesNamedAsBeforeAndStaleOnesAreDroppedButNotAnotherLessons() throws SQLException {
        server.prepareReferenceStates(UPDATED_AT, message -> { });
        String oldName = "wb_tpl_lesson3_0123456789ab_0";
        String staleName = "wb_ref_lesson3_0123456789ab_0";
        adminExecute("CREATE DATABASE " + oldName + " TEMPLATE template0");
        adminExecute("CREATE DATABASE " + staleName + " TEMPLATE template0");

        server.prepareReferenceStates(LESSON3, message -> { });

        List<String> names = databaseNames();
        assertThat(names).doesNotContain(oldName, staleName);
        assertThat(names).contains(server.referenceState(LESSON3, 0), server.referenceState(UPDATED_AT, 0), server.referenceState(UPDATED_AT, 1));
    }

    @Test
    void aReferenceSolutionThatDoesNotRunIsNamedBeforeAnyLearnerFileRuns(@TempDir Path copy) throws Exception {
        Files.createDirectories(copy.resolve("exercises"));
        Files.createDirectories(copy.resolve("solutions"));
        FileTrees.copyTree(HOME.exercisesDir().resolve("lesson3"), copy.resolve("exercises/lesson3"));
        FileTrees.copyTree(HOME.solutionsDir().resolve("lesson3"), copy.resolve("solutions/lesson3"));
        Files.writeString(copy.resolve("solutions/lesson3/03-update-alice.sql"), "UPDATE users SET no_such_column = 1;\n");
        ReferenceStates broken = new ReferenceStates(LESSON3.inFolder(copy.resolve("exercises/lesson3")));
        String empty = emptyDatabase();
        try (Connection session = server.learner(empty)) {
            assertThatThrownBy(() -> broken.prove(session)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the reference solution of 03-update-alice does not run cleanly")
                    .hasMessageContaining("no_such_column");
        } finally {
            server.leave(empty);
        }
    }

    /** A new database opened to the sandbox, as check and grade make them. */
    private static String emptyDatabase() throws SQLException {
        String name = crmDb.database() + "_e" + (++databases);
        adminExecute("CREATE DATABASE " + name + " TEMPLATE template0");
        try (Connection c = TestDatabase.connect(crmDb.withDatabase(name)); Statement s = c.createStatement()) {
            s.execute(SandboxDatabase.openTo(server.sandbox().role().name(), server.sandbox().limits()));
        }
        return name;
    }

    /** The users table as a learner would describe it: columns, indexes and rows, one line each. */
    private static List<String> signature(String database) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = TestDatabase.connect(crmDb.withDatabase(database)); Statement s = c.createStatement()) {
            collect(s, "SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull || ' '"
                    + " || coalesce(pg_get_expr(d.adbin, d.adrelid), '') FROM pg_attribute a"
                    + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                    + " WHERE a.attrelid = 'users'::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum", lines);
            collect(s, "SELECT indexdef FROM pg_indexes WHERE tablename = 'users' ORDER BY indexname", lines);
            collect(s, "SELECT row(u.*)::text FROM (SELECT * FROM users ORDER BY email) u", lines);
        }
        // the row's id and times differ between two builds; the rest must not
        return lines.stream().map(line -> line.replaceAll("\\([0-9a-f-]{36},", "(ID,").replaceAll("\"[0-9-]{10} [0-9:.+]+\"", "TIME")).toList();
    }

    private static void collect(Statement s, String sql, List<String> into) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                into.add(rs.getString(1));
            }
        }
    }

    private static List<String> databaseNames() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = TestDatabase.connect(crmDb); Statement s = c.createStatement()) {
            collect(s, "SELECT datname FROM pg_database", names);
        }
        return names;
    }

    private static void adminExecute(String sql) throws SQLException {
        try (Connection c = TestDatabase.connect(crmDb); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
