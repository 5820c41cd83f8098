package workbook.db;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What the workbook keeps in the learner's server besides crm_db, so `db status` can show it and
 * `db status --clean` remove it: check's reference-state copies (databases named wb_*, kept so a check
 * copies a state instead of building it) and the roles check and grade run untrusted SQL as (wb_*,
 * wbgrade_*). A lab's database (crm_lab_*) is the learner's own work, shown but never removed here.
 */
public record WorkbookLeftovers(List<String> databases, long bytes, List<String> roles, List<String> labDatabases) {

    public static WorkbookLeftovers read(ConnectionInfo lessonDb) {
        return ServerAdmin.jdbi(ServerAdmin.maintenanceFor(lessonDb)).withHandle(h -> {
            pinSearchPath(h);
            List<String> databases = h.createQuery("SELECT datname FROM pg_catalog.pg_database"
                    + " WHERE datname OPERATOR(pg_catalog.~~) 'wb\\_%' ORDER BY datname").mapTo(String.class).list();
            long bytes = h.createQuery("SELECT COALESCE(pg_catalog.sum(pg_catalog.pg_database_size(oid)), 0)::bigint"
                    + " FROM pg_catalog.pg_database WHERE datname OPERATOR(pg_catalog.~~) 'wb\\_%'").mapTo(Long.class).one();
            List<String> roles = h.createQuery("SELECT rolname FROM pg_catalog.pg_roles WHERE rolname OPERATOR(pg_catalog.~~) 'wb\\_%'"
                    + " OR rolname OPERATOR(pg_catalog.~~) 'wbgrade\\_%' ORDER BY rolname").mapTo(String.class).list();
            List<String> labs = h.createQuery("SELECT datname FROM pg_catalog.pg_database"
                    + " WHERE datname OPERATOR(pg_catalog.~~) 'crm\\_lab\\_%' ORDER BY datname").mapTo(String.class).list();
            return new WorkbookLeftovers(databases, bytes, roles, labs);
        });
    }

    public boolean isEmpty() {
        return databases.isEmpty() && roles.isEmpty();
    }

    /**
     * Drops the databases, then the roles. Only CREATE/DROP run from this session, never anything inside
     * a database untrusted SQL touched: a role that still owns something elsewhere is left, and named.
     */
    public static List<String> clean(ConnectionInfo lessonDb, WorkbookLeftovers found) {
        return ServerAdmin.jdbi(ServerAdmin.maintenanceFor(lessonDb)).withHandle(h -> {
            pinSearchPath(h);
            for (String database : found.databases()) {
                ServerAdmin.dropDatabase(h, database);
            }
            List<String> kept = new ArrayList<>();
            for (String role : found.roles()) {
                if (!dropRole(h, role)) {
                    kept.add(role);
                }
            }
            return kept;
        });
    }

    private static boolean dropRole(Handle h, String role) {
        try {
            h.execute("DROP ROLE IF EXISTS " + ServerAdmin.quote(role));
            return true;
        } catch (RuntimeException e) {
            // 2BP01: it still owns objects or holds privileges in a database (a grade run's leftovers): say so
            return false;
        }
    }

    /** Pinned as PostgreSQL's advisories advise: no function or operator of a less trusted role is found first. */
    private static void pinSearchPath(Handle h) {
        h.execute("SET search_path = pg_catalog, pg_temp");
    }
}
