package workbook.db;

import workbook.cli.UserError;

/**
 * The learner's database as every command reaches it: the provider chosen, the server started or
 * attached to, crm_db ready to connect. (Stub until the foundation issue's providers land: URL only.)
 */
public final class LiveDatabase {
    private LiveDatabase() {
    }

    /** Starts or attaches to the learner's server (showing progress) and returns how to reach crm_db. */
    public static RunningDatabase ensureUp(DatabaseOptions options) {
        if (options.url() == null) {
            throw UserError.environment("No database yet: pass --url jdbc:postgresql://HOST:PORT/crm_db?user=...&password=...", null);
        }
        ConnectionInfo info = JdbcUrls.parse(options.url());
        return new RunningDatabase(info, "url", "connected to the server you named at " + info.host() + ":" + info.port());
    }
}
