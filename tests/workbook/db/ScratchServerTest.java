package workbook.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.Slow;

/** The export's server of its own: a fresh crm_db, gone after close, and a killed run's server swept by the next. */
@Slow
class ScratchServerTest {
    @TempDir
    Path root;

    @Test
    void aServerLeftByAKilledRunIsStoppedAndDeletedByTheNext() throws Exception {
        DatabaseSettings learner = DatabaseSettings.forTests(root, FreePorts.anyFree(), "crm-postgres-unused",
                Path.of("target", "pg-binaries").toAbsolutePath());
        ScratchServer left = ScratchServer.start(learner);
        ConnectionInfo leftAt = left.running().connection();
        assertThat(ServerAdmin.lessonState(leftAt)).isEqualTo(new ServerAdmin.LessonState(false, 0));
        // what a kill -9 leaves: the folder of a process that no longer exists, its server still running
        Path folders = root.resolve(".workbook/scratch-servers");
        Path own;
        try (var entries = Files.list(folders)) {
            own = entries.findFirst().orElseThrow();
        }
        Files.move(own, folders.resolve(Long.MAX_VALUE + "-1"));

        try (ScratchServer next = ScratchServer.start(learner)) {
            assertThat(ServerAdmin.answers(leftAt)).as("the killed run's server is stopped").isFalse();
            assertThat(folders.resolve(Long.MAX_VALUE + "-1")).doesNotExist();
            assertThat(ServerAdmin.answers(next.running().connection())).isTrue();
        }
        try (var entries = Files.list(folders)) {
            assertThat(entries).as("nothing left after close").isEmpty();
        }
        left.close();
    }
}
