package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import workbook.TestDatabase;
import workbook.checker.run.ReferenceStates;
import workbook.checker.sandbox.SandboxLimits;
import workbook.db.ConnectionInfo;

/** Making the jobs' databases and roles: all of them, or none left behind. */
class DatabasePoolTest {
    @Test
    void aPoolThatFailsHalfWayRemovesWhatItMade() throws Exception {
        ConnectionInfo admin = TestDatabase.freshDatabase("pool_fails");
        String stem = "wbgrade_" + (System.currentTimeMillis() / 1000) + "_poolfail";
        try (Connection c = TestDatabase.connect(admin); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + stem + "_pool3"); // the third job's database cannot be made
        }
        try (GradingServer server = new GradingServer(admin, SandboxLimits.forOverall(Duration.ofSeconds(10)))) {
            ReferenceStates states = new ReferenceStates(ClassGradingTest.LESSON3);
            assertThatThrownBy(() -> new DatabasePool(server, states, 5, stem)).isInstanceOf(SQLException.class).hasMessageContaining("already exists");
        }
        try (Connection c = TestDatabase.connect(admin); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM pg_database WHERE datname LIKE '" + stem + "%'")).as("only the one made in its way").isEqualTo(1);
            assertThat(count(s, "SELECT count(*) FROM pg_roles WHERE rolname LIKE 'wbgrade\\_%'")).isZero();
            s.execute("DROP DATABASE " + stem + "_pool3");
        }
    }

    private static int count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
