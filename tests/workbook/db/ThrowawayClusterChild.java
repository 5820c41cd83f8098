package workbook.db;

import java.nio.file.Path;

/**
 * A grading run in a JVM of its own, for {@link ThrowawayClusterTest} to kill hard: starts a throwaway
 * cluster, prints its folder and port, then waits to be killed.
 * Arguments: checkout root, binaries folder, RAM root.
 */
public final class ThrowawayClusterChild {
    private ThrowawayClusterChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        DatabaseSettings settings = DatabaseSettings.forTests(Path.of(args[0]), 0, "unused", Path.of(args[1]));
        ThrowawayCluster cluster = ThrowawayCluster.start(settings, Path.of(args[2]));
        System.out.println(cluster.folder() + " " + cluster.connection().port());
        System.out.flush();
        Thread.sleep(120_000); // killed long before; if not, the shutdown hook cleans up
    }
}
