package workbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.Slow;
import workbook.TestDatabase;
import workbook.db.ConnectionInfo;

@Slow
class RunAllTest {
    @TempDir
    Path dir;

    private static final String NOTES = """
            # Users

            We make a table on {{db.host}}.

            ## Create it

            ```sql id=create
            CREATE TABLE users (id serial PRIMARY KEY, email text UNIQUE NOT NULL);
            INSERT INTO users (email) VALUES ('alice@example.com');
            ```

            ## A duplicate

            ```sql id=dup expect=error
            INSERT INTO users (email) VALUES ('alice@example.com');
            ```

            ## Query

            ```sql
            SELECT id, email FROM users;
            \\dt
            ```
            """;

    @Test
    void runAllRunsEveryCellAndPrintsEachResult() throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("runall");
        LessonRun run = LessonRun.of(dir, NOTES, db, "--run-all");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("We make a table on localhost.")
                .contains("Step 1 of 3 · Create it (create) · sql")
                .contains("CREATE TABLE", "INSERT 0 1")
                .contains("Expected error (this cell shows a failure on purpose):")
                .contains("duplicate key value violates unique constraint \"users_email_key\"")
                .contains("alice@example.com", "(1 row)")
                .contains("Skipped `\\dt`")
                .contains("All 3 steps of notes ran.");
    }

    @Test
    void aSecondRunKeepsWhatIsThereAndSaysHowToStartFresh() throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("rerun");
        LessonRun.of(dir, NOTES, db, "--run-all");
        LessonRun again = LessonRun.of(dir, NOTES, db, "--run-all");

        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("Already there from an earlier run, kept", "./jbang db reset");
        assertThat(again.output()).contains("alice@example.com");
    }

    @Test
    void aWarningShowsAsWarningAndANoticeAsNoticeAsPsqlPrintsThem() throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("severity");
        LessonRun run = LessonRun.of(dir, """
                # Messages

                ```sql
                DO $$ BEGIN RAISE NOTICE 'just so you know'; RAISE WARNING 'mind this'; END $$;
                ```
                """, db, "--run-all");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("NOTICE:  just so you know\nWARNING:  mind this\nDO")
                .doesNotContain("NOTICE:  mind this");
    }

    @Test
    void aFailingCellFailsTheRunWithItsErrorStateAndHint() throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("failing");
        LessonRun run = LessonRun.of(dir, """
                # Broken

                ```sql
                SELECT nme FROM pg_class LIMIT 1;
                ```
                <!-- hint: The column is called relname. -->

                ```sql expect=error
                SELECT 1;
                ```
                """, db, "--run-all");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("column \"nme\" does not exist", "42703", "Hint: The column is called relname.")
                .contains("This cell should have failed")
                .contains("2 of 2 steps failed");
    }

    @Test
    void fromStartsAtAStepByIdAndAnUnknownStepIsBadInput() throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("from");
        LessonRun run = LessonRun.of(dir, NOTES, db, "--run-all", "--from", "dup");
        assertThat(run.output()).doesNotContain("Step 1 of 3").contains("Step 2 of 3", "Step 3 of 3");

        LessonRun unknown = LessonRun.of(dir, NOTES, db, "--run-all", "--from", "nope");
        assertThat(unknown.exitCode()).isEqualTo(2);
    }

    @Test
    void javaCellsShareOneJShellWithJdbiBoundAndSeeTheSqlCellsWork() throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("java");
        LessonRun run = LessonRun.of(dir, """
                # Java

                ```sql
                CREATE TABLE users (email text PRIMARY KEY);
                INSERT INTO users VALUES ('alice@example.com');
                ```

                ```java id=record
                record User(String email) {}
                System.out.println("defining");
                ```

                ```java id=query
                handle.createQuery("SELECT email FROM users").map((rs, ctx) -> new User(rs.getString(1))).list()
                ```

                ```java id=broken
                int x = "text";
                ```
                <!-- hint: A String is not an int. -->
                """, db, "--run-all");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output())
                .contains("defining", "created record User")
                .contains("[User[email=alice@example.com]]")
                .contains("incompatible types", "Hint: A String is not an int.")
                .contains("1 of 4 steps failed: step 4 (Java (broken))");
    }

    @Test
    void anErrorInsideBeginSaysTheTransactionIsAbortedUntilRollback() throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("aborted");
        LessonRun run = LessonRun.of(dir, """
                # Aborted

                ```sql
                BEGIN;
                SELECT 1/0;
                ```

                ```sql
                SELECT 'never' AS said;
                ```
                <!-- hint: Check the spelling of the table. -->

                ```sql
                ROLLBACK;
                SELECT 'fine again' AS state;
                ```
                """, db, "--run-all");
        assertThat(run.output()).contains("division by zero", "The transaction is aborted", "current transaction is aborted", "ROLLBACK", "fine again")
                // the abort note once per refused cell; the cell's own hint, written for its own mistakes, would mislead
                .doesNotContain("Check the spelling");
        assertThat(run.output().split("The transaction is aborted", -1)).hasSize(3);
    }

    @Test
    void withoutATerminalTheWalkAsksForRunAll() throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("noterm");
        LessonRun run = LessonRun.of(dir, NOTES, db);
        assertThat(run.exitCode()).isEqualTo(2);
    }

    @Test
    void listPrintsTheStepsWithoutADatabase() throws Exception {
        LessonRun run = LessonRun.of(dir, NOTES, new ConnectionInfo("localhost", 1, "none", "x", "y"), "--list");
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("  1  sql   Create it (create)", "  2  sql   A duplicate (dup)  (expected to fail)", "  3  sql   Query");
    }
}
