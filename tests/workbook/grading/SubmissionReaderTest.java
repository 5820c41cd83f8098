package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionReaderTest {
    static final List<String> FILES = List.of("01-add-columns.sql", "02-insert-bob.sql", "03-update-alice.sql", "04-delete-bob.sql", "05-email-index.sql");
    final SubmissionReader reader = new SubmissionReader(FILES);

    @TempDir
    Path dir;

    @Test
    void aZipWrappingExercisesInAFolderIsFoundAndItsOtherFilesListed() throws IOException {
        Path zip = dir.resolve("ann.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(z, "repo-main/exercises/lesson3/01-add-columns.sql", "ALTER TABLE users ADD COLUMN x int;");
            put(z, "repo-main/exercises/lesson3/02-insert-bob.sql", "SELECT 2;");
            put(z, "repo-main/01-add-columns.sql", "-- an old copy");
            put(z, "repo-main/README.md", "hello");
            put(z, "../../etc/cron.d/evil", "* * * * * root id");
        }
        Submission s = reader.read(zip);
        assertThat(s.student()).isEqualTo("ann");
        assertThat(new String(s.files().get("01-add-columns.sql"), StandardCharsets.UTF_8)).startsWith("ALTER TABLE");
        assertThat(s.missing()).containsExactly("03-update-alice.sql", "04-delete-bob.sql", "05-email-index.sql");
        assertThat(s.stray()).containsExactly("../../etc/cron.d/evil (a path outside the zip, ignored)", "repo-main/01-add-columns.sql", "repo-main/README.md");
        assertThat(dir.resolve("../../etc/cron.d/evil").normalize()).doesNotExist();
    }

    @Test
    void aFolderIsReadWithoutFollowingLinksOrGitHistory() throws IOException {
        Path ben = Files.createDirectories(dir.resolve("ben"));
        Files.writeString(ben.resolve("01-add-columns.sql"), "SELECT 1;");
        Files.createSymbolicLink(ben.resolve("02-insert-bob.sql"), Path.of("/etc/passwd"));
        Files.createDirectories(ben.resolve(".git/objects"));
        Files.writeString(ben.resolve(".git/objects/blob"), "x");
        Submission s = reader.read(ben);
        assertThat(s.files()).containsOnlyKeys("01-add-columns.sql");
        assertThat(s.stray()).containsExactly("02-insert-bob.sql (a link, not followed)");
    }

    @Test
    void aNamedPipeIsListedNotOpenedSoReadingDoesNotHang() throws Exception {
        Path dee = Files.createDirectories(dir.resolve("dee"));
        Files.writeString(dee.resolve("02-insert-bob.sql"), "SELECT 2;");
        mkfifo(dee.resolve("01-add-columns.sql"));
        // opening a pipe waits for a writer: without a bound here, a reader that opens it hangs the test run
        Submission s = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> reader.read(dee));
        assertThat(s.files()).containsOnlyKeys("02-insert-bob.sql");
        assertThat(s.missing()).contains("01-add-columns.sql");
        assertThat(s.stray()).containsExactly("01-add-columns.sql (not a regular file, not read)");
    }

    /** A named pipe made as a person would, with mkfifo(1). */
    static void mkfifo(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(said).isZero();
        assertThat(Files.isRegularFile(path)).isFalse();
    }

    @Test
    void theContentHashIgnoresStrayFilesAndTheEntrysForm() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("cy"));
        Files.writeString(folder.resolve("01-add-columns.sql"), "SELECT 1;");
        String before = reader.read(folder).contentHash();
        Files.writeString(folder.resolve("notes.txt"), "thoughts");
        assertThat(reader.read(folder).contentHash()).isEqualTo(before);
        Path zip = dir.resolve("cy2.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(z, "01-add-columns.sql", "SELECT 1;");
        }
        assertThat(reader.read(zip).contentHash()).isEqualTo(before);
        Files.writeString(folder.resolve("01-add-columns.sql"), "SELECT 2;");
        assertThat(reader.read(folder).contentHash()).isNotEqualTo(before);
    }

    @Test
    void aHugeExerciseFileIsRefusedWithoutReadingItAll() throws IOException {
        Path zip = dir.resolve("bomb.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("01-add-columns.sql"));
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                z.write(block); // 64 MiB of zeros, 64 KiB zipped
            }
        }
        assertThatThrownBy(() -> reader.read(zip)).isInstanceOf(SubmissionReader.UnreadableSubmission.class).hasMessageContaining("larger than 1 MiB");
    }

    private static void put(ZipOutputStream z, String name, String text) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
