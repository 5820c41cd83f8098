package workbook.db;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * Remembers, in .workbook/server.properties, which server the workbook last started (provider, port,
 * container), so later commands attach to the same one instead of flipping providers when, say,
 * Docker is started after the embedded server already holds the learner's tables.
 */
public final class ServerMemory {
    private final Path file;

    public ServerMemory(Path stateDir) {
        this.file = stateDir.resolve("server.properties");
    }

    /** What was remembered; empty when the workbook has not started a server here yet. */
    public record Remembered(String provider, int port, String container, String since) {
    }

    public Optional<Remembered> recall() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String provider = p.getProperty("provider");
        if (provider == null) {
            return Optional.empty();
        }
        int port;
        try {
            port = Integer.parseInt(p.getProperty("port", "0"));
        } catch (NumberFormatException e) {
            port = 0;
        }
        return Optional.of(new Remembered(provider, port, p.getProperty("container"), p.getProperty("since", "")));
    }

    /** Writes only when something changed, so attaching (every command) costs no disk write. */
    public void rememberIfChanged(String provider, int port, String container) {
        boolean same = recall().filter(r -> r.provider().equals(provider) && r.port() == port
                && java.util.Objects.equals(r.container(), container)).isPresent();
        if (!same) {
            remember(provider, port, container);
        }
    }

    public void remember(String provider, int port, String container) {
        Properties p = new Properties();
        p.setProperty("provider", provider);
        p.setProperty("port", Integer.toString(port));
        if (container != null) {
            p.setProperty("container", container);
        }
        p.setProperty("since", Instant.now().toString());
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file)) {
                p.store(out, "the server the workbook started here; `db down --purge` forgets it");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void forget() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file() {
        return file;
    }
}
