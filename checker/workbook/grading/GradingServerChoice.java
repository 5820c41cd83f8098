package workbook.grading;

import workbook.db.DatabaseOptions;
import workbook.db.ServerProvider;
import workbook.db.DatabaseSettings;
import workbook.db.LiveDatabase;
import workbook.db.RunningServer;
import workbook.db.ThrowawayCluster;

/**
 * The server a grading run works on: for the embedded provider (the default) a throwaway cluster of its
 * own, in RAM and without fsync, gone when the run ends; for Docker or a URL the server as chosen.
 */
public final class GradingServerChoice implements AutoCloseable {
    private final RunningServer running;
    private final ThrowawayCluster throwaway;

    private GradingServerChoice(RunningServer running, ThrowawayCluster throwaway) {
        this.running = running;
        this.throwaway = throwaway;
    }

    /** The embedded provider unless the instructor chose another (--db, --url or their environment variables). */
    public static GradingServerChoice open(DatabaseOptions options) {
        return open(options, DatabaseSettings.fromEnvironment());
    }

    static GradingServerChoice open(DatabaseOptions options, DatabaseSettings settings) {
        boolean chosen = options.provider() != null || options.url() != null;
        // choosing starts nothing: the learner's embedded server (crm_db's) stays as it is, up or down
        ServerProvider server = LiveDatabase.choose(chosen ? options : DatabaseOptions.of("embedded", null), settings).server();
        if (server.provider().equals("embedded")) {
            ThrowawayCluster cluster = ThrowawayCluster.start(settings);
            return new GradingServerChoice(cluster.running(), cluster);
        }
        return new GradingServerChoice(server.up(), null);
    }

    public RunningServer running() {
        return running;
    }

    /** Stops and deletes the throwaway cluster; a server the instructor chose keeps running. */
    @Override
    public void close() {
        if (throwaway != null) {
            throwaway.close();
        }
    }
}
