package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimedSubmissionReaderTest {
    final SubmissionReader files = new SubmissionReader(SubmissionReaderTest.FILES);

    @TempDir
    Path dir;

    @Test
    void aReadStuckOnANamedPipeGivesUpAtTheLimitAndSaysWhy() throws Exception {
        Path pipe = dir.resolve("01-add-columns.sql");
        SubmissionReaderTest.mkfifo(pipe);
        // what a file swapped for a pipe after the walk does to a reader: open() waits for a writer
        TimedSubmissionReader reader = new TimedSubmissionReader(entry -> {
            try {
                return new Submission("fay", "fay", java.util.Map.of("01-add-columns.sql", Files.readAllBytes(pipe)), List.of(), List.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Duration.ofMillis(700));
        long started = System.nanoTime();
        try {
            assertThatThrownBy(() -> reader.read(dir))
                    .isInstanceOf(SubmissionReader.UnreadableSubmission.class)
                    .hasMessage("reading the submission took longer than 700 ms (a named pipe? a stalled disk?)");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        } finally {
            release(pipe);
        }
    }

    @Test
    void aQuickReadAndAnUnreadableEntryPassThrough() throws IOException {
        TimedSubmissionReader reader = new TimedSubmissionReader(files::read, Duration.ofSeconds(30));
        Path gus = Files.createDirectories(dir.resolve("gus"));
        Files.writeString(gus.resolve("01-add-columns.sql"), "SELECT 1;");
        assertThat(reader.read(gus).files()).containsOnlyKeys("01-add-columns.sql");
        Path broken = Files.writeString(dir.resolve("broken.zip"), "not a zip");
        assertThatThrownBy(() -> reader.read(broken)).isInstanceOf(SubmissionReader.UnreadableSubmission.class).hasMessageContaining("not a readable zip");
    }

    /** Opens the pipe's writing end on a daemon thread, so the reader parked in open() is let go and ends. */
    private static void release(Path pipe) {
        Thread writer = new Thread(() -> {
            try {
                Files.newOutputStream(pipe).close();
            } catch (IOException e) {
                // the pipe is gone with the temporary folder; nobody is left waiting on it
            }
        }, "release-pipe");
        writer.setDaemon(true);
        writer.start();
    }
}
