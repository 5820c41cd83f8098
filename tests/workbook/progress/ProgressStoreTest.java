package workbook.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.WorkbookHome;

class ProgressStoreTest {
    @TempDir
    Path root;
    final List<String> said = new ArrayList<>();

    ProgressStore store() {
        return new ProgressStore(new WorkbookHome(root), said::add);
    }

    @Test
    void whatTheWalkAndCheckWriteSurvivesARestartAndNeitherLosesTheOthers() {
        ProgressStore walk = store();
        ProgressStore check = store();
        walk.update(p -> p.withNotebook("lesson3", new NotebookProgress(11, 10, 25)));
        check.update(p -> p.withTask("lesson3", "02-insert-bob", TaskProgress.none().checked(4, 4, true, "2026-12-05T05:00:00Z")));
        walk.update(p -> p.withNotebook("lesson3", p.notebook("lesson3").at(3, 2, 25)));

        Progress again = store().read();
        assertThat(again.notebook("lesson3")).isEqualTo(new NotebookProgress(3, 10, 25));
        assertThat(again.task("lesson3", "02-insert-bob")).isEqualTo(new TaskProgress(4, 4, true, "2026-12-05T05:00:00Z", null));
        assertThat(said).isEmpty();
    }

    @Test
    void aTaskKeepsItsBestPointsAndWhenItFirstPassed() {
        TaskProgress task = TaskProgress.none().checked(2, 4, false, "t1").checked(4, 4, true, "t2").checked(1, 4, false, "t3");
        assertThat(task).isEqualTo(new TaskProgress(4, 4, true, "t2", null));
        assertThat(task.solutionOpen()).isTrue();
        assertThat(TaskProgress.none().checked(3, 4, false, "t").solutionOpen()).isFalse();
        assertThat(TaskProgress.none().gaveUp("t").solutionOpen()).isTrue();
    }

    @Test
    void anUnreadableFileIsKeptAsideWithOneLineAndAFreshOneStarts() throws Exception {
        Path state = root.resolve(".workbook");
        Files.createDirectories(state.resolve("hints"));
        Files.writeString(state.resolve("hints/lesson3.properties"), "02-insert-bob=2\n");
        String broken = "{\"format_version\": 1, \"notebooks\": {\"lesson3\": {\"step\": 4, \"do";
        Files.writeString(state.resolve("progress.json"), broken);

        Progress read = store().read();

        assertThat(read).isEqualTo(Progress.empty());
        assertThat(said).hasSize(1);
        assertThat(said.get(0)).startsWith("Your progress file .workbook/progress.json could not be read (not valid progress JSON")
                .contains("it is kept as .workbook/progress-unreadable-").contains("a fresh one starts now");
        List<Path> aside;
        try (Stream<Path> files = Files.list(state)) {
            aside = files.filter(f -> f.getFileName().toString().startsWith("progress-unreadable-")).toList();
        }
        assertThat(aside).hasSize(1);
        assertThat(Files.readString(aside.get(0))).isEqualTo(broken);
        assertThat(Files.readString(state.resolve("hints/lesson3.properties"))).as("nothing else lost").isEqualTo("02-insert-bob=2\n");
        assertThat(new ObjectMapper().readTree(state.resolve("progress.json").toFile()).path("format_version").asInt()).isEqualTo(1);
        store().read();
        assertThat(said).as("said once: the fresh file reads").hasSize(1);
    }

    @Test
    void aFileOfAnotherFormatVersionIsKeptAsideToo() throws Exception {
        Files.createDirectories(root.resolve(".workbook"));
        Files.writeString(root.resolve(".workbook/progress.json"), "{\"format_version\": 9}");
        assertThat(store().read()).isEqualTo(Progress.empty());
        assertThat(said).singleElement().asString().contains("format_version 9");
    }

    /** Every version a reader finds is whole: the file is replaced by a rename, never written in place. */
    @Test
    void aReaderNeverSeesHalfAFile() throws Exception {
        ProgressStore writer = store();
        writer.update(p -> p.withNotebook("lesson3", new NotebookProgress(1, 0, 25)));
        Path file = writer.file();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        ObjectMapper json = new ObjectMapper();
        CompletableFuture<List<String>> torn = CompletableFuture.supplyAsync(() -> {
            List<String> bad = new ArrayList<>();
            while (writing.get() || reads.get() == 0) {
                try {
                    String text = Files.readString(file);
                    json.readTree(text).get("notebooks").get("lesson3");
                    reads.incrementAndGet();
                } catch (Exception e) {
                    bad.add(e.toString());
                }
            }
            return bad;
        });
        for (int i = 0; i < 25; i++) {
            int step = i % 25 + 1;
            // a long name makes each write take more than one write call's worth of time
            writer.update(p -> p.withNotebook("lesson3", new NotebookProgress(step, step, 25))
                    .withNotebook("x".repeat(8_000), new NotebookProgress(step, step, 25)));
        }
        writing.set(false);
        assertThat(torn.get()).isEmpty();
        assertThat(reads.get()).isPositive();
    }
}
