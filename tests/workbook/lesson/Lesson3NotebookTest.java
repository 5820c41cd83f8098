package workbook.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import workbook.Slow;
import workbook.TestDatabase;
import workbook.notebook.CodeCell;
import workbook.notebook.Notebook;
import workbook.notebook.NotebookParser;

/**
 * The content of lessons/lesson3.md, pinned: its steps, and its SQL cells run as written on a real
 * PostgreSQL 14, first on an empty crm_db and then again, as a learner re-running the lesson would.
 */
@Slow
class Lesson3NotebookTest {
    private static final Path LESSON = Path.of("lessons/lesson3.md");

    private final Notebook notebook = new NotebookParser(Set.of("sql", "java", "check")).parse(LESSON);

    @Test
    void stepsKeepTheirIdsInLessonOrder() {
        assertThat(notebook.title()).startsWith("Day 3");
        assertThat(notebook.steps()).extracting(CodeCell::id).containsExactly(
                "atomicity", "current-database", "list-tables", "server-version", "sessions", "create-users",
                "random-uuids", "users-columns", "users-indexes", "insert-alice", "now-is-transaction-start",
                "query-alice", "duplicate-email", "missing-hash", "email-case",
                "java-begin", "java-insert-carol", "java-list-emails", "java-user-record", "java-user-dao",
                "java-dao-insert-dave", "java-dao-list", "java-rollback", "java-on-demand",
                null);
        CodeCell check = notebook.steps().get(notebook.steps().size() - 1);
        assertThat(check.language()).isEqualTo("check");
        assertThat(check.source()).isEqualTo("lesson3");
    }

    @Test
    void onlyTheConstraintDemonstrationsExpectAnError() {
        assertThat(notebook.steps().stream().filter(CodeCell::expectsError).map(CodeCell::id))
                .containsExactly("duplicate-email", "missing-hash");
    }

    @Test
    void createUsersIsTheSchemaTheAssignmentStartsFrom() throws SQLException {
        try (Connection c = TestDatabase.connect(TestDatabase.freshDatabase("lesson3_schema"))) {
            runSqlCells(c);
            assertThat(rows(c, """
                    SELECT column_name || ' ' || data_type || ' ' || coalesce(character_maximum_length::text, '-')
                           || ' ' || is_nullable || ' ' || coalesce(column_default, '-')
                    FROM information_schema.columns WHERE table_name = 'users' ORDER BY ordinal_position"""))
                    .containsExactly(
                            "id uuid - NO gen_random_uuid()",
                            "email character varying 255 NO -",
                            "password_hash character varying 255 NO -",
                            "created_at timestamp with time zone - NO now()",
                            "updated_at timestamp with time zone - NO now()");
            assertThat(rows(c, "SELECT indexname FROM pg_indexes WHERE tablename = 'users' ORDER BY 1"))
                    .containsExactly("users_email_key", "users_pkey");
        }
    }

    @Test
    void sqlCellsLeaveAliceAloneWithTimestampsFromTheDefaults() throws SQLException {
        try (Connection c = TestDatabase.connect(TestDatabase.freshDatabase("lesson3_alice"))) {
            List<String> failures = runSqlCells(c);
            assertThat(failures).containsExactly("duplicate-email 23505", "missing-hash 23502");
            assertThat(rows(c, "SELECT email || ' ' || (created_at = updated_at) FROM users"))
                    .containsExactly("alice@example.com true");
        }
    }

    @Test
    void rerunningTheLessonOnlyMeetsWhatIsAlreadyThere() throws SQLException {
        try (Connection c = TestDatabase.connect(TestDatabase.freshDatabase("lesson3_rerun"))) {
            runSqlCells(c);
            String firstId = rows(c, "SELECT id::text FROM users").get(0);
            // 42P07 and 23505 are what the notebook reports as "already there from an earlier run"
            assertThat(runSqlCells(c)).containsExactly(
                    "create-users 42P07", "insert-alice 23505", "duplicate-email 23505", "missing-hash 23502");
            assertThat(rows(c, "SELECT id::text FROM users")).containsExactly(firstId);
        }
    }

    @Test
    void theDuplicateEmailIsRefusedByTheUniqueConstraint() throws SQLException {
        try (Connection c = TestDatabase.connect(TestDatabase.freshDatabase("lesson3_duplicate"))) {
            runSqlCells(c);
            CodeCell duplicate = notebook.step("duplicate-email").orElseThrow();
            assertThatThrownBy(() -> execute(c, duplicate.source()))
                    .hasMessageContaining("users_email_key")
                    .hasMessageContaining("alice@example.com");
        }
    }

    /** Runs every SQL cell as one JDBC statement string, as written; returns "id SQLSTATE" per failed cell. */
    private List<String> runSqlCells(Connection c) {
        List<String> failures = new ArrayList<>();
        for (CodeCell cell : notebook.steps()) {
            if (!cell.language().equals("sql")) {
                continue;
            }
            try {
                execute(c, cell.source());
            } catch (SQLException e) {
                failures.add(cell.id() + " " + e.getSQLState());
            }
        }
        return failures;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
