package workbook.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Settings for provider tests: a temporary workbook checkout (never the real .workbook/), a free port,
 * a container name no learner uses, and one shared folder of unpacked binaries so each test does not unpack again.
 */
final class TestSettings {
    static final Path SHARED_BINARIES = Path.of("target", "pg-binaries").toAbsolutePath();

    private TestSettings() {
    }

    static DatabaseSettings fresh(String hint) {
        try {
            Path root = Files.createTempDirectory("workbook-" + hint + "-");
            Files.writeString(root.resolve("jbang-catalog.json"), "{}");
            return DatabaseSettings.forTests(root, FreePorts.anyFree(), "crm-postgres-test-" + UUID.randomUUID().toString().substring(0, 8), SHARED_BINARIES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
