package workbook.db;

import picocli.CommandLine.Command;

/**
 * `db`: the root of the database commands. Like picocli's git example it holds no logic, only the
 * subcommands and what they share (the settings behind the providers).
 */
@Command(name = "db", mixinStandardHelpOptions = true,
        header = "Start, stop, inspect or reset the lesson's PostgreSQL 14 (crm_db).",
        description = {"Where it runs: --db docker|embedded|url (env WORKBOOK_DB); else the server named by --url"
                + " (WORKBOOK_DB_URL); else the one the workbook started here before; else Docker (container crm-postgres)"
                + " if an engine answers; else embedded, with its data in .workbook/. `db status` says which and why.",
                "",
                "Connect: psql -h localhost -p 5432 -U crmuser -d crm_db (password crmpassword)."},
        subcommands = {DbUp.class, DbStatus.class, DbUrl.class, DbReset.class, DbDown.class})
public class DbCommand {
    private final DatabaseSettings settings;

    public DbCommand() {
        this(null);
    }

    /** With settings of a test's own (state folder, port, container name); null means the learner's. */
    public DbCommand(DatabaseSettings settings) {
        this.settings = settings;
    }

    DatabaseSettings settings() {
        return settings != null ? settings : DatabaseSettings.fromEnvironment();
    }
}
