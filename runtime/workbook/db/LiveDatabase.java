package workbook.db;

import java.util.Locale;
import java.util.Optional;
import workbook.UserError;

/**
 * The learner's database as every command reaches it: the provider chosen (and why), the server
 * started or attached to, crm_db ready to connect.
 */
public final class LiveDatabase {
    static {
        // every command comes here before it touches PostgreSQL: keep pgjdbc's java.util.logging off the terminal
        ServerAdmin.quietDriverLogs();
    }

    private LiveDatabase() {
    }

    /** A provider and, in words, why it was chosen (shown by `db status`). */
    public record Choice(ServerProvider server, String reason) {
    }

    /** Starts or attaches to the learner's server (showing progress on slow paths) and returns how to reach crm_db. */
    public static RunningServer ensureUp(DatabaseOptions options) {
        return ensureUp(options, DatabaseSettings.fromEnvironment());
    }

    public static RunningServer ensureUp(DatabaseOptions options, DatabaseSettings settings) {
        return choose(options, settings).server().up();
    }

    /**
     * --db (or WORKBOOK_DB) first; else a URL if given; else the server the workbook started here
     * before; else Docker if an engine answers within 2 s; else embedded.
     */
    public static Choice choose(DatabaseOptions options, DatabaseSettings settings) {
        String provider = options.provider();
        if (provider != null && !provider.isBlank()) {
            String how = options.providerSource() + (options.providerSource().startsWith("--") ? " " : "=") + provider;
            return switch (provider.strip().toLowerCase(Locale.ROOT)) {
                case "docker" -> new Choice(docker(settings, null), "you chose it (" + how + ")");
                case "embedded" -> new Choice(new EmbeddedServer(settings), "you chose it (" + how + ")");
                case "url" -> {
                    if (options.url() == null || options.url().isBlank()) {
                        throw UserError.badInput("`--db url` needs a URL: add --url jdbc:postgresql://HOST:PORT/crm_db?user=...&password=... (or set WORKBOOK_DB_URL).");
                    }
                    yield new Choice(new UrlServer(options.url()), "you chose it (" + how + ")");
                }
                default -> throw UserError.badInput("Unknown database provider '" + provider + "' (" + options.providerSource()
                        + "): choose docker, embedded or url.");
            };
        }
        if (options.url() != null && !options.url().isBlank()) {
            return new Choice(new UrlServer(options.url()), "you gave a URL (" + options.urlSource() + ")");
        }
        Optional<ServerMemory.Remembered> remembered = new ServerMemory(settings.stateDir()).recall();
        if (remembered.isPresent()) {
            String why = "the workbook started it here before (remembered in .workbook/server.properties)";
            if (remembered.get().provider().equals("docker")) {
                // attach to the container the workbook made, even if WORKBOOK_DOCKER_CONTAINER changed since
                String container = remembered.get().container() != null ? remembered.get().container() : settings.containerName();
                return new Choice(docker(settings.withContainer(container), remembered.get()), why);
            }
            if (remembered.get().provider().equals("embedded")) {
                return new Choice(new EmbeddedServer(settings), why);
            }
        }
        DockerEngine.Probe probe = DockerEngine.find(DockerEngine.PROBE_TIMEOUT);
        if (probe.engine().isPresent()) {
            return new Choice(new DockerServer(settings, probe.engine().get()), "a Docker engine answered at " + probe.tried());
        }
        return new Choice(new EmbeddedServer(settings), "no Docker engine answered (" + probe.tried() + "), so PostgreSQL runs embedded");
    }

    private static DockerServer docker(DatabaseSettings settings, ServerMemory.Remembered remembered) {
        DockerEngine.Probe probe = DockerEngine.find(DockerEngine.PROBE_TIMEOUT);
        if (probe.engine().isEmpty()) {
            String lives = remembered != null
                    ? "Your database lives in the Docker container " + settings.containerName() + ", but no Docker engine answers"
                    : "No Docker engine answers";
            throw UserError.environment(lives + " (" + probe.tried() + "): start Docker"
                    + (remembered != null ? " and run the command again, or use `--db embedded` for a separate, empty server." : ", or use `--db embedded`."), null);
        }
        return new DockerServer(settings, probe.engine().get());
    }
}
