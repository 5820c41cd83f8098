package workbook.db;

/**
 * Throwaway databases on the learner's server for the checker and grader: an empty one, or a clone of
 * a prepared template (`CREATE DATABASE x TEMPLATE y`, which copies files and takes milliseconds).
 * crmuser is a superuser on the docker and embedded servers; on a URL server this needs CREATEDB.
 */
public final class ScratchDatabases {
    private ScratchDatabases() {
    }

    /** A new, empty database owned by the connecting user; any old one of that name is dropped first. */
    public static ConnectionInfo createEmpty(ConnectionInfo server, String name) {
        return create(server, name, null);
    }

    /**
     * A copy of {@code template} under a new name. PostgreSQL refuses while anyone is connected to the
     * template, so callers close their handles on it first.
     */
    public static ConnectionInfo cloneOf(ConnectionInfo server, String template, String name) {
        return create(server, name, template);
    }

    public static void drop(ConnectionInfo server, String name) {
        ServerAdmin.jdbi(ServerAdmin.maintenanceFor(server)).useHandle(h -> ServerAdmin.dropDatabase(h, name));
    }

    private static ConnectionInfo create(ConnectionInfo server, String name, String template) {
        ServerAdmin.jdbi(ServerAdmin.maintenanceFor(server)).useHandle(h -> {
            ServerAdmin.dropDatabase(h, name);
            h.execute("CREATE DATABASE " + ServerAdmin.quote(name)
                    + (template == null ? "" : " TEMPLATE " + ServerAdmin.quote(template))
                    + " OWNER " + ServerAdmin.quote(server.user()));
        });
        return server.withDatabase(name);
    }
}
