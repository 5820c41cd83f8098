package workbook.checker.run;

import java.security.SecureRandom;
import org.jdbi.v3.core.Handle;

/**
 * A throw-away database cloned from a reference template on the learner's server, dropped on close.
 * Its name carries its creation time, so one left behind by a killed run can be recognised and removed.
 */
public final class ScratchDatabase implements AutoCloseable {
    private static final String PREFIX = "wb_scratch_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServerAccess server;
    private final String name;

    private ScratchDatabase(ServerAccess server, String name) {
        this.server = server;
        this.name = name;
    }

    /** CREATE DATABASE wb_scratch_... TEMPLATE template. */
    public static ScratchDatabase cloneOf(ServerAccess server, String template) {
        String name = PREFIX + (System.currentTimeMillis() / 1000) + "_" + Integer.toHexString(RANDOM.nextInt(1 << 24));
        server.createScratchDatabase(name, template);
        return new ScratchDatabase(server, name);
    }

    public String name() {
        return name;
    }

    /** Drops scratch databases older than an hour: leftovers of runs that were killed. */
    public static void dropLeftovers(ServerAccess server) {
        long hourAgo = System.currentTimeMillis() / 1000 - 3600;
        try (Handle admin = server.admin()) {
            for (String old : admin.createQuery("SELECT datname FROM pg_database WHERE datname LIKE 'wb\\_scratch\\_%'").mapTo(String.class).list()) {
                String[] parts = old.substring(PREFIX.length()).split("_");
                if (parts[0].matches("\\d+") && Long.parseLong(parts[0]) < hourAgo) {
                    drop(admin, old);
                }
            }
        } catch (RuntimeException ignored) {
            // housekeeping only; a check run does not fail for it
        }
    }

    @Override
    public void close() {
        try (Handle admin = server.admin()) {
            drop(admin, name);
        }
    }

    // WITH (FORCE) (PostgreSQL 13+) also ends a session a learner's SQL may have left behind
    private static void drop(Handle admin, String name) {
        int version = admin.createQuery("SHOW server_version_num").mapTo(Integer.class).one();
        admin.execute("DROP DATABASE IF EXISTS " + name + (version >= 130000 ? " WITH (FORCE)" : ""));
    }
}
