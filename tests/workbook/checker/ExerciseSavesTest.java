package workbook.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `check --watch` hears of a save within the quarter second the whole save-to-verdict loop may take
 * (issue 18's bar), and only of exercise files in the folder itself.
 */
class ExerciseSavesTest {
    private static final Duration BAR = Duration.ofMillis(250);
    private static final Duration GIVE_UP = Duration.ofSeconds(10);

    @Test
    void everySaveIsSeenWellWithinTheQuarterSecond(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("01-add-columns.sql");
        Files.writeString(file, "-- start\n");
        List<Long> millis = new ArrayList<>();
        try (ExerciseSaves saves = ExerciseSaves.watch(folder)) {
            for (int save = 0; save < 10; save++) {
                long before = System.nanoTime();
                // the same text each time: saving again asks for a check again
                Files.writeString(file, "ALTER TABLE users ADD COLUMN phone varchar(20);\n");
                String seen = assertTimeoutPreemptively(GIVE_UP, saves::next);
                millis.add((System.nanoTime() - before) / 1_000_000);
                assertThat(seen).isEqualTo("01-add-columns.sql");
                saves.awaitQuiet(50);
            }
        }
        System.out.println("save seen after (ms): " + millis);
        assertThat(millis.stream().sorted().toList().get(millis.size() / 2)).as("median of " + millis + " ms").isLessThan(BAR.toMillis());
    }

    @Test
    void otherFilesAndSubfoldersAreNotExerciseSaves(@TempDir Path folder) throws Exception {
        Path sub = Files.createDirectory(folder.resolve("old"));
        try (ExerciseSaves saves = ExerciseSaves.watch(folder)) {
            Files.writeString(folder.resolve("notes.txt"), "not an exercise");
            Files.writeString(sub.resolve("01-add-columns.sql"), "-- a copy kept aside");
            Files.writeString(folder.resolve("02-insert-bob.sql"), "INSERT INTO users DEFAULT VALUES;");
            assertThat(assertTimeoutPreemptively(GIVE_UP, saves::next)).isEqualTo("02-insert-bob.sql");
        }
    }
}
