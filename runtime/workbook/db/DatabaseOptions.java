package workbook.db;

import picocli.CommandLine.Option;

/**
 * How the user names their database, shared by every command as a picocli mixin: --db and --url,
 * falling back to WORKBOOK_DB and WORKBOOK_DB_URL.
 */
public class DatabaseOptions {
    static {
        // every command that reaches a database makes its options before picocli reads the command line
        DriverWarmup.start();
    }

    @Option(names = "--db", paramLabel = "PROVIDER",
            description = "Where the database runs: docker, embedded or url (default: a URL if given, else the server the workbook started before, else Docker if an engine answers, else embedded; env WORKBOOK_DB).")
    String provider;

    @Option(names = "--url", paramLabel = "JDBC_URL",
            description = "Use this PostgreSQL 12+ server, e.g. jdbc:postgresql://host:5432/crm_db?user=crmuser&password=... (env WORKBOOK_DB_URL).")
    String url;

    @Option(names = "--verbose", description = "Show stack traces and library details on errors.")
    boolean verbose;

    public DatabaseOptions() {
    }

    /** Options as a test or another command would give them on the command line. */
    public static DatabaseOptions of(String provider, String url) {
        DatabaseOptions options = new DatabaseOptions();
        options.provider = provider;
        options.url = url;
        return options;
    }

    public String provider() {
        return provider != null ? provider : System.getenv("WORKBOOK_DB");
    }

    /** Where the provider came from, for `db status`: "--db" or "WORKBOOK_DB". */
    public String providerSource() {
        return provider != null ? "--db" : "WORKBOOK_DB";
    }

    public String url() {
        return url != null ? url : System.getenv("WORKBOOK_DB_URL");
    }

    public String urlSource() {
        return url != null ? "--url" : "WORKBOOK_DB_URL";
    }

    public boolean verbose() {
        return verbose;
    }
}
