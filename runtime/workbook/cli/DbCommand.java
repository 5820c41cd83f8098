package workbook.cli;

import picocli.CommandLine.Command;
import workbook.db.DatabaseSettings;

/**
 * `db`: the root of the database commands. Like picocli's git example it holds no logic, only the
 * subcommands and what they share (the settings behind the providers).
 */
@Command(name = "db", mixinStandardHelpOptions = true,
        header = "Start, stop, inspect or reset the lesson's PostgreSQL 14 (crm_db).",
        description = {"The database runs in Docker (container crm-postgres) when an engine answers, else embedded in .workbook/;",
                "--url (or WORKBOOK_DB_URL) uses a server of your own. Every command starts or attaches to it as needed."},
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
