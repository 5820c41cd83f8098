package workbook.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import workbook.FileTrees;

/**
 * Settings for provider tests: a temporary workbook checkout (never the real .workbook/), a free port,
 * a container name no learner uses, and one shared folder of unpacked binaries so each test does not unpack again.
 */
public final class TestSettings {
    static final Path SHARED_BINARIES = Path.of("target", "pg-binaries").toAbsolutePath();
    private static final List<Path> CHECKOUTS = new ArrayList<>();

    static {
        // each checkout holds a PostgreSQL data folder (about 50 MB): remove them when the test JVM ends,
        // after the test classes have stopped their servers
        Runtime.getRuntime().addShutdownHook(new Thread(TestSettings::removeCheckouts, "remove-test-checkouts"));
    }

    private TestSettings() {
    }

    static DatabaseSettings fresh(String hint) {
        return DatabaseSettings.forTests(checkout(hint), FreePorts.anyFree(),
                "crm-postgres-test-" + UUID.randomUUID().toString().substring(0, 8), SHARED_BINARIES);
    }

    /** A temporary folder that looks like a workbook checkout, removed when the test JVM ends. */
    public static Path checkout(String hint) {
        try {
            Path root = Files.createTempDirectory("workbook-" + hint + "-");
            Files.writeString(root.resolve("jbang-catalog.json"), "{}");
            synchronized (CHECKOUTS) {
                CHECKOUTS.add(root);
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeCheckouts() {
        synchronized (CHECKOUTS) {
            for (Path root : CHECKOUTS) {
                try {
                    FileTrees.deleteTree(root);
                } catch (IOException | UncheckedIOException e) {
                    // a server still writing there; the operating system's temp cleaning takes the rest
                }
            }
        }
    }
}
