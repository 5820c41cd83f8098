package workbook.terminal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.jline.utils.InfoCmp;
import workbook.WholeFile;

/**
 * A terminal type's capabilities kept from one walk to the next. JLine learns what a terminal can do (colours,
 * cursor moves) by running `infocmp -x TYPE` each time it opens one, bundled types included: a process,
 * about 75 ms before the first screen. What it read is kept in .workbook/terminfo/TYPE and handed to it on the
 * next start instead; a copy older than a day is read again, so a changed terminfo entry is seen by the next
 * day's walk.
 */
final class KeptCapabilities {
    private static final Duration KEPT_FOR = Duration.ofDays(1);
    /** A type that is a plain file name (TERM comes from the environment, and names a file here). */
    private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");

    private final Path folder;
    private boolean handedOver;

    KeptCapabilities(Path folder) {
        this.folder = folder;
    }

    /** Before JLine opens a terminal of this type: hands it the kept capabilities, when they are fresh. */
    void handOver(String type) {
        Path file = file(type);
        if (file == null) {
            return;
        }
        try {
            FileTime written = Files.getLastModifiedTime(file);
            if (written.toInstant().isAfter(Instant.now().minus(KEPT_FOR))) {
                String capabilities = Files.readString(file, StandardCharsets.UTF_8);
                if (!capabilities.isBlank()) {
                    InfoCmp.setLoadedInfoCmp(type, capabilities);
                    handedOver = true;
                }
            }
        } catch (IOException | RuntimeException e) {
            // none kept yet, or unreadable: JLine runs infocmp as it always does
        }
    }

    /** Once JLine opened the terminal: keeps what it read, unless it was handed what was kept. */
    void keep(String type) {
        Path file = file(type);
        String capabilities = InfoCmp.getLoadedInfoCmp(type);
        if (handedOver || file == null || capabilities == null || capabilities.isBlank()) {
            return;
        }
        try {
            Files.createDirectories(folder);
            WholeFile.replace(file, capabilities);
        } catch (IOException | RuntimeException e) {
            // a read-only checkout: the next walk runs infocmp again
        }
    }

    private Path file(String type) {
        return type != null && TYPE.matcher(type).matches() ? folder.resolve(type) : null;
    }
}
