package workbook.checker.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import workbook.TestDatabase;
import workbook.WorkbookHome;
import workbook.checker.TaskSetReader;
import workbook.checker.task.TaskSet;
import workbook.db.ConnectionInfo;

/**
 * A copy in use is the run's own until it closes: its lock sits on the admin's kept session, which the
 * server would grant the same lock again, so the run's own sweep must know the copy by name.
 */
class ScratchDatabaseTest {
    private static final TaskSet LESSON3 = TaskSetReader.forLesson(WorkbookHome.locate(), "lesson3");

    @Test
    void aRunsOwnSweepLeavesTheCopyItIsUsingAlone() throws Exception {
        ConnectionInfo crmDb = TestDatabase.freshDatabase("scratch_own_sweep");
        try (ServerAccess server = new ServerAccess(crmDb).dropsInBackground()) {
            server.prepareReferenceStates(LESSON3, message -> { });
            ScratchDatabase scratch = ScratchDatabase.holding(server, LESSON3, 0);
            // a second look, as --watch's next save makes while this process lives: it sweeps what killed runs left
            server.prepareReferenceStates(LESSON3, message -> { });
            ScratchDatabase.awaitDrops();
            assertThat(databases(crmDb)).as("the copy in use").contains(scratch.name());

            server.leave(scratch.name());
            scratch.close();
            ScratchDatabase.awaitDrops();
            assertThat(databases(crmDb)).as("closed, it goes").doesNotContain(scratch.name());
        }
    }

    private static List<String> databases(ConnectionInfo crmDb) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = TestDatabase.connect(crmDb); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'wb\\_scratch\\_%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
