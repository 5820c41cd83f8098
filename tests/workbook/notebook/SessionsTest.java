package workbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.TestDatabase;
import workbook.db.ConnectionInfo;

/** The fence attributes session= and database=, and the server cell on a server given by URL. */
class SessionsTest {
    @TempDir
    Path dir;

    @Test
    void aSecondSessionKeepsItsTransactionOpenAcrossCellsAndMainDoesNotSeeItUntilCommit() throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("sessions");
        LessonRun run = LessonRun.of(dir, """
                # Two sessions

                ```sql
                CREATE TABLE notes (body text);
                ```

                ```sql session=b
                BEGIN;
                INSERT INTO notes VALUES ('from b');
                ```

                ```sql id=before
                SELECT count(*) AS seen_before_commit FROM notes;
                ```

                ```sql session=b
                SELECT count(*) AS b_sees_its_own FROM notes;
                COMMIT;
                ```

                ```sql id=after
                SELECT count(*) AS seen_after_commit FROM notes;
                ```
                """, db, "--run-all");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("· sql · session b ─");
        assertThat(run.output()).containsPattern("seen_before_commit\\s*\\n[-+ ]+\\n\\s*0\\b")
                .containsPattern("b_sees_its_own\\s*\\n[-+ ]+\\n\\s*1\\b")
                .containsPattern("seen_after_commit\\s*\\n[-+ ]+\\n\\s*1\\b");
    }

    @Test
    void aDatabaseAttributeCreatesThatDatabaseOnTheSameServerAndLeavesCrmDbAlone() throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("scratch_attr");
        String scratch = db.database() + "_lab";
        LessonRun run = LessonRun.of(dir, """
                # Scratch

                ```sql database=%s
                CREATE TABLE users (id int);
                SELECT current_database() AS here;
                ```
                """.formatted(scratch), db, "--run-all");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains(scratch);
        try (Connection c = TestDatabase.connect(db);
             ResultSet rs = c.createStatement().executeQuery("SELECT to_regclass('users') IS NULL")) {
            rs.next();
            assertThat(rs.getBoolean(1)).as("crm_db has no users table").isTrue();
        }
        try (Connection c = TestDatabase.connect(db.withDatabase(scratch));
             ResultSet rs = c.createStatement().executeQuery("SELECT to_regclass('users') IS NOT NULL")) {
            rs.next();
            assertThat(rs.getBoolean(1)).isTrue();
        }
    }

    @Test
    void aSessionOrDatabaseThatIsNotALowerCaseNameIsRefusedWithItsLine() {
        NotebookParser parser = new NotebookParser(java.util.Set.of("sql"));
        assertThatThrownBy(() -> parser.parse("notes", "notes.md", "# Bad\n\n```sql session=\"two words\"\nSELECT 1;\n```\n"))
                .hasMessage("notes.md:3: `session=two words` is not a lower-case name; write e.g. session=b");
        assertThatThrownBy(() -> parser.parse("notes", "notes.md", "# Bad\n\n```sql database=Crm-Lab\nSELECT 1;\n```\n"))
                .hasMessageStartingWith("notes.md:3: `database=Crm-Lab` is not a lower-case name");
    }

    @Test
    void restartingAServerGivenByUrlSaysSoReconnectsAndDropsOpenTransactions() throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("restart_url");
        LessonRun run = LessonRun.of(dir, """
                # Restart

                ```sql
                CREATE TABLE notes (body text);
                INSERT INTO notes VALUES ('committed');
                ```

                ```sql session=b
                BEGIN;
                INSERT INTO notes VALUES ('never committed');
                ```

                ```server
                restart
                ```

                ```sql
                SELECT string_agg(body, ',') AS kept FROM notes;
                ```
                """, db, "--run-all");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("is not the workbook's to stop", "Reconnected: 2 sessions")
                .containsPattern("kept\\s*\\n[-+ ]+\\n\\s*committed\\s*\\n");
    }

    @Test
    void aServerCellWithAnUnknownCommandFails() throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("restart_bad");
        LessonRun run = LessonRun.of(dir, "# S\n\n```server\nreboot\n```\n", db, "--run-all");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("A server cell knows two commands, `restart` and `crash`, not `reboot`");
    }

    @Test
    void anExportedNotebookKeepsTheSessionAndDatabaseOnTheMagicLine() throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("session_export");
        Path file = dir.resolve("out.ipynb");
        LessonRun run = LessonRun.of(dir, "# E\n\n```sql session=b database=" + db.database() + "_lab\nSELECT 1 AS one;\n```\n", db,
                "--run-all", "--export", file.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(java.nio.file.Files.readString(file)).contains("%%sql session=b database=" + db.database() + "_lab\\n");
        ExportTest.assertValidForJupyter(file);
    }
}
