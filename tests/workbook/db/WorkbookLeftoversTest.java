package workbook.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import workbook.TestDatabase;

/** `db status` shows what check keeps in the learner's server, and `--clean` removes it, never crm_db or a lab's database. */
class WorkbookLeftoversTest {

    @Test
    void showsAndRemovesTheWorkbooksDatabasesAndRolesButNotTheLearnersOwn() throws SQLException {
        ConnectionInfo lesson = TestDatabase.freshDatabase("leftovers");
        try (Connection admin = TestDatabase.connect(lesson); Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS wb_ref_leftover_1");
            s.execute("CREATE DATABASE wb_ref_leftover_1");
            s.execute("DROP DATABASE IF EXISTS crm_lab_leftover");
            s.execute("CREATE DATABASE crm_lab_leftover");
            s.execute("DROP ROLE IF EXISTS wb_leftover_role");
            s.execute("CREATE ROLE wb_leftover_role");
        }

        WorkbookLeftovers found = WorkbookLeftovers.read(lesson);
        assertThat(found.databases()).contains("wb_ref_leftover_1").doesNotContain("crm_lab_leftover", lesson.database());
        assertThat(found.roles()).contains("wb_leftover_role");
        assertThat(found.labDatabases()).contains("crm_lab_leftover");
        assertThat(found.bytes()).isPositive();
        assertThat(DbStatus.describe(found)).contains("kept to make check fast (wb_*", "wb_leftover_role");

        assertThat(WorkbookLeftovers.clean(lesson, found)).isEmpty();

        try (Connection admin = TestDatabase.connect(lesson); Statement s = admin.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM pg_database WHERE datname = 'wb_ref_leftover_1'")).isZero();
            assertThat(count(s, "SELECT count(*) FROM pg_roles WHERE rolname = 'wb_leftover_role'")).isZero();
            assertThat(count(s, "SELECT count(*) FROM pg_database WHERE datname IN ('crm_lab_leftover', '" + lesson.database() + "')"))
                    .as("the learner's own databases stay").isEqualTo(2);
            s.execute("DROP DATABASE crm_lab_leftover");
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
