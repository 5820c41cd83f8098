package workbook.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.jline.utils.InfoCmp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capabilities JLine read for a terminal type, kept for the next walk so it need not run `infocmp`. The
 * types here exist in no terminfo database: JLine's own `infocmp` fails for them, so a type it answers for
 * was answered from what was kept. Each test has types of its own (JLine keeps what it read in static maps).
 */
class KeptCapabilitiesTest {
    private static final String CAPABILITIES = "wbtest|a terminal of the tests,\n\tam, cols#80, colors#256, clear=\\E[H\\E[2J,\n";

    @TempDir
    Path folder;

    @Test
    void keptCapabilitiesAreHandedToJLineInsteadOfInfocmp() throws Exception {
        assertThatThrownBy(() -> InfoCmp.getInfoCmp("wbtest-handed")).as("infocmp knows no such type").isInstanceOf(IOException.class);
        Files.writeString(folder.resolve("wbtest-handed"), CAPABILITIES);

        new KeptCapabilities(folder).handOver("wbtest-handed");

        assertThat(InfoCmp.getInfoCmp("wbtest-handed")).isEqualTo(CAPABILITIES);
    }

    @Test
    void whatJLineReadIsKeptForTheNextStart() throws IOException {
        InfoCmp.setLoadedInfoCmp("wbtest-read", CAPABILITIES);  // as JLine does with infocmp's answer

        KeptCapabilities kept = new KeptCapabilities(folder.resolve("terminfo"));
        kept.handOver("wbtest-read");
        kept.keep("wbtest-read");

        assertThat(folder.resolve("terminfo/wbtest-read")).hasContent(CAPABILITIES);
        assertThat(folder.resolve("terminfo")).isDirectoryNotContaining("glob:**.partial");
    }

    @Test
    void aCopyOlderThanADayIsReadAgain() throws IOException {
        Path file = Files.writeString(folder.resolve("wbtest-stale"), CAPABILITIES);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(25))));

        new KeptCapabilities(folder).handOver("wbtest-stale");

        assertThat(InfoCmp.getLoadedInfoCmp("wbtest-stale")).isNull();
    }

    @Test
    void whatWasHandedOverIsNotWrittenBack() throws IOException {
        Path file = Files.writeString(folder.resolve("wbtest-same"), CAPABILITIES);
        FileTime written = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        Files.setLastModifiedTime(file, written);

        KeptCapabilities kept = new KeptCapabilities(folder);
        kept.handOver("wbtest-same");
        kept.keep("wbtest-same");

        assertThat(Files.getLastModifiedTime(file)).as("still a day from its first reading").isEqualTo(written);
    }

    @Test
    void aTypeThatIsNoPlainFileNameIsNeitherReadNorWritten() throws IOException {
        Files.createDirectories(folder.resolve("kept"));
        Files.writeString(folder.resolve("outside"), CAPABILITIES);
        InfoCmp.setLoadedInfoCmp("../wbtest-escape", CAPABILITIES);

        KeptCapabilities kept = new KeptCapabilities(folder.resolve("kept"));
        kept.handOver("../outside");
        kept.keep("../wbtest-escape");

        assertThat(InfoCmp.getLoadedInfoCmp("../outside")).isNull();
        assertThat(folder.resolve("wbtest-escape")).doesNotExist();
        assertThat(folder.resolve("kept")).isEmptyDirectory();
    }
}
