package workbook.notebook;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import workbook.db.ConnectionInfo;
import workbook.db.DatabaseSettings;
import workbook.db.RunningServer;

/** Fills `{{db.psql}}` and its siblings in prose and code with what the live database really is. */
public final class Placeholders {
    /** Every placeholder a notebook may use; the parser refuses others so a typo shows at once. */
    public static final Set<String> NAMES = Set.of("db.psql", "db.jdbcUrl", "db.provider", "db.description", "db.host", "db.port");

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_.]*)\\s*}}");

    private final Supplier<Map<String, String>> values;
    private Map<String, String> known;

    public Placeholders(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        this.values = () -> copy;
    }

    private Placeholders(Supplier<Map<String, String>> values) {
        this.values = values;
    }

    /**
     * Placeholders whose values are asked of {@code database} only when a text holds one: prose without
     * any is shown before the database is reached.
     */
    public static Placeholders whenNeeded(Supplier<RunningServer> database) {
        return new Placeholders(() -> of(database.get()).values());
    }

    private synchronized Map<String, String> values() {
        if (known == null) {
            known = values.get();
        }
        return known;
    }

    public static Placeholders of(RunningServer db) {
        return of(db.connection(), db.provider(), db.description());
    }

    /**
     * For an exported page, which others read on their machines: the lesson's own names and port, not this
     * machine's, and where the outputs came from.
     */
    public static Placeholders forExport() {
        return of(ConnectionInfo.lesson("localhost", DatabaseSettings.DEFAULT_PORT), "embedded",
                "This page was exported from a run on a PostgreSQL 14 started for the export alone, with a fresh crm_db.");
    }

    private static Placeholders of(ConnectionInfo c, String provider, String description) {
        return new Placeholders(Map.of(
                "db.psql", c.psqlCommand(),
                "db.jdbcUrl", c.jdbcUrl(),
                "db.provider", provider,
                "db.description", description,
                "db.host", c.host(),
                "db.port", Integer.toString(c.port())));
    }

    /** The text with every known placeholder replaced; unknown ones stay visible as written. */
    public String fill(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        if (!m.find()) {
            return text;
        }
        m.reset();
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values().get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
