package workbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import workbook.UserError;

/** A run listing its classes for the launcher's static archive says, by FILE.done, only when it did its work. */
class ClassListingTest {
    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty("workbook.classList");
    }

    @Command(name = "sample", mixinStandardHelpOptions = true, version = "1")
    static class Sample implements Callable<Integer> {
        @Parameters(defaultValue = "0")
        int exit;

        @Override
        public Integer call() {
            if (exit == 2) {
                throw UserError.badInput("refused");
            }
            return exit;
        }
    }

    private boolean done(String... args) {
        Path list = dir.resolve("list-" + String.join("_", args));
        System.setProperty("workbook.classList", list.toString());
        CommandRunner.run(new Sample(), args);
        return list.resolveSibling(list.getFileName() + ".done").toFile().exists();
    }

    @Test
    void aRunThatDidItsWorkSaysSo() {
        assertThat(done("0")).isTrue();
        assertThat(done("1")).as("checks failed: the command still did its work").isTrue();
    }

    @Test
    void aRefusedRunOrOneThatOnlyHelpedDoesNot() {
        assertThat(done("2")).isFalse();
        assertThat(done("not-a-number")).isFalse();
        assertThat(done("--help")).isFalse();
        assertThat(done("--version")).isFalse();
    }

    @Test
    void withoutAListingNothingIsWritten() {
        CommandRunner.run(new Sample(), "0");

        assertThat(dir).isEmptyDirectory();
    }
}
