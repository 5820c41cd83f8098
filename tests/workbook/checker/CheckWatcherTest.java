package workbook.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.terminal.Console;

class CheckWatcherTest {
    @Test
    void savingAnExerciseFileChecksAgainPromptlyAndOtherFilesDoNot(@TempDir Path folder) throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Semaphore ran = new Semaphore(0);
        CheckWatcher watcher = new CheckWatcher(folder, settled -> {
            runs.incrementAndGet();
            ran.release();
            return 1;
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8), false);
        Thread thread = new Thread(() -> {
            try {
                watcher.watch(console);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        thread.start();
        assertThat(ran.tryAcquire(10, TimeUnit.SECONDS)).as("the first check runs at once").isTrue();
        Thread.sleep(300); // the watch is registered after the first check
        Files.writeString(folder.resolve("notes.txt"), "not an exercise");
        Files.writeString(folder.resolve("02-insert-bob.sql"), "INSERT INTO users DEFAULT VALUES;");
        assertThat(ran.tryAcquire(10, TimeUnit.SECONDS)).as("a save checks again").isTrue();
        Thread.sleep(500);
        thread.interrupt();
        thread.join(5000);
        assertThat(runs.get()).as("one save, one check").isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("02-insert-bob.sql saved").doesNotContain("notes.txt");
    }
}
