package workbook.db;

import java.nio.file.Path;

/**
 * A lab in a JVM of its own, for {@link LabServerTest} to interrupt or kill: starts a lab server, prints its
 * folder and port, then waits. Arguments: checkout root, binaries folder.
 */
public final class LabServerChild {
    private LabServerChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        DatabaseSettings settings = DatabaseSettings.forTests(Path.of(args[0]), 0, "unused", Path.of(args[1]));
        LabServer server = LabServer.start(settings, "child", "crm_lab_scale");
        System.out.println(server.folder() + " " + server.port());
        System.out.flush();
        Thread.sleep(120_000); // interrupted or killed long before; if not, the shutdown hook cleans up
    }
}
