package workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class TestDatabaseTest {
    @Test
    void freshDatabaseIsPostgres14AndReachableAsCrmuser() throws Exception {
        var info = TestDatabase.freshDatabase("smoke");
        try (Connection c = TestDatabase.connect(info); ResultSet rs = c.createStatement().executeQuery("SHOW server_version")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("14.");
        }
    }
}
