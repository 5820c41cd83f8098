package workbook.checker.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.ExitCode;
import workbook.Slow;
import workbook.TestDatabase;
import workbook.db.ConnectionInfo;

/**
 * `validate` with a server: every cell of the notebook runs on a PostgreSQL of its own, deleted
 * afterwards (crm_db untouched), exercises on scratch copies; every solution must pass and no starter may; each failure named at its
 * file:line, on copies of the trigger lab (the cheapest lesson with both a notebook and an exercise set).
 */
@Slow
class ValidateRunTest {
    private static final String LAB = "lessons/lesson3-updated-at.md";
    private static final String STARTER = "exercises/lesson3-updated-at/01-updated-at-trigger.sql";
    private static final String SOLUTION = "solutions/lesson3-updated-at/01-updated-at-trigger.sql";

    @Test
    void theShippedLabRunsCleanOnScratchDatabasesThatAreDroppedAfter() throws SQLException {
        ConnectionInfo crmDb = TestDatabase.freshDatabase("validate_clean");
        LessonCopy.Result result = LessonCopy.run("lesson3-updated-at", "--url", url(crmDb));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output().strip()).isEqualTo("✓ Sound: lessons/lesson3-updated-at.md, exercises/lesson3-updated-at/.");
        assertThat(query(crmDb, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).as("crm_db untouched").containsExactly("0");
        assertThat(query(crmDb, "SELECT datname FROM pg_database WHERE datname LIKE 'wb\\_nbrun\\_%' OR datname LIKE 'wb\\_scratch\\_%'"))
                .as("no scratch database left").isEmpty();
    }

    @Test
    void sqlAndJavaCellsRunOnScratchDatabasesNeverOnCrmDbOrALabDatabase(@TempDir Path dir) throws Exception {
        LessonCopy copy = new LessonCopy(dir);
        Path notes = Files.createDirectories(copy.root.resolve("drafts")).resolve("tiny.md");
        Files.writeString(notes, """
                # Tiny

                ```sql id=main
                CREATE TABLE made_by_sql (id int);
                ```

                ```sql id=lab database=crm_lab_tiny
                CREATE TABLE made_in_lab (id int);
                ```

                ```java
                handle.execute("CREATE TABLE made_by_java (id int)");
                ```
                """);
        ConnectionInfo crmDb = TestDatabase.freshDatabase("validate_scratch");
        LessonCopy.Result result = copy.validate("drafts/tiny.md", "--url", url(crmDb));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(query(crmDb, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).as("crm_db untouched").containsExactly("0");
        assertThat(query(crmDb, "SELECT datname FROM pg_database WHERE datname LIKE 'crm\\_lab\\_%' OR datname LIKE 'wb\\_nbrun\\_%'"))
                .as("no lab database made, no scratch database left").isEmpty();
    }

    @Test
    void aCellThatFailsIsNamedAtItsFence(@TempDir Path dir) {
        LessonCopy copy = new LessonCopy(dir).edit(LAB, "AS updated_at_never_moved FROM users;", "AS updated_at_never_moved FROM userz;");
        LessonCopy.Result result = copy.validate(LAB, "--url", url(TestDatabase.freshDatabase("validate_cell")));

        assertThat(result.exitCode()).as(result.output()).isEqualTo(ExitCode.CHECKS_FAILED);
        assertThat(result.problems()).containsExactly(LAB + ":" + copy.lineOf(LAB, "id=forgetful-update")
                + ": step 2 (The lesson's table, and an UPDATE that forgets (forgetful-update)) failed: 42P01: relation \"userz\" does not exist");
    }

    @Test
    void aStarterThatAlreadyPassesAndASolutionThatFailsAreNamed(@TempDir Path dir) throws Exception {
        LessonCopy copy = new LessonCopy(dir);
        Files.writeString(copy.root.resolve(STARTER), Files.readString(copy.root.resolve(SOLUTION)));
        copy.edit(SOLUTION, "NEW.updated_at := now();", "NEW.updated_at := OLD.updated_at;");
        LessonCopy.Result result = copy.validate("exercises/lesson3-updated-at", "--url", url(TestDatabase.freshDatabase("validate_tasks")));

        assertThat(result.exitCode()).as(result.output()).isEqualTo(ExitCode.CHECKS_FAILED);
        assertThat(result.problems()).hasSize(2);
        assertThat(result.problems().get(0)).startsWith(SOLUTION + ":1: the solution does not pass task 01-updated-at-trigger: check `");
        assertThat(result.problems().get(1)).isEqualTo(STARTER + ":1: the starter already passes task 01-updated-at-trigger:"
                + " leave the work to the learner (the file should hold only the task's comments)");
    }

    @Test
    void aSolutionThatDoesNotRunIsNamedAtTheFailingLine(@TempDir Path dir) {
        LessonCopy copy = new LessonCopy(dir).edit(SOLUTION, "EXECUTE FUNCTION set_updated_at();", "EXECUTE FUNCTION set_updated_at(;");
        LessonCopy.Result result = copy.validate("exercises/lesson3-updated-at", "--url", url(TestDatabase.freshDatabase("validate_broken")));

        assertThat(result.exitCode()).as(result.output()).isEqualTo(ExitCode.CHECKS_FAILED);
        assertThat(result.problems()).singleElement().asString()
                .startsWith(SOLUTION + ":" + copy.lineOf(SOLUTION, "set_updated_at(;") + ": the solution does not run cleanly: ERROR: syntax error");
    }

    private static String url(ConnectionInfo db) {
        return db.jdbcUrl() + "?user=" + db.user() + "&password=" + db.password();
    }

    private static List<String> query(ConnectionInfo db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = TestDatabase.connect(db); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
