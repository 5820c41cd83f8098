package workbook.jshell;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Hands live host objects to JShell snippets: the local execution engine loads snippet classes under the
 * host's class loader, so a startup snippet such as {@code Jdbi jdbi = workbook.jshell.Bindings.jdbi(3);}
 * reads the very Jdbi the host opened. Keyed by session number so two sessions never share a handle.
 */
public final class Bindings {
    private static final Map<Integer, SessionDatabase> SESSIONS = new ConcurrentHashMap<>();

    private Bindings() {
    }

    public static Jdbi jdbi(int session) {
        return lookup(session).jdbi();
    }

    public static Handle handle(int session) {
        return lookup(session).handle();
    }

    static void register(int session, SessionDatabase database) {
        SESSIONS.put(session, database);
    }

    static void unregister(int session) {
        SESSIONS.remove(session);
    }

    static SessionDatabase database(int session) {
        return lookup(session);
    }

    private static SessionDatabase lookup(int session) {
        SessionDatabase database = SESSIONS.get(session);
        if (database == null) {
            throw new IllegalStateException("Java session " + session + " is closed");
        }
        return database;
    }
}
