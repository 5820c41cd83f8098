package workbook.checker.sandbox;

import java.util.Properties;

/**
 * The search_path of every session that must not run what untrusted SQL planted: pg_catalog first and
 * nothing else a less trusted role can create in (CVE-2018-1058), set at login so no statement of ours
 * runs before it. Privileged sessions also name objects and operators schema-qualified.
 */
public final class PinnedSearchPath {
    /** The startup option, as libpq's PGOPTIONS or pgjdbc's {@code options} take it. */
    public static final String OPTION = "-c search_path=pg_catalog,pg_temp";

    private PinnedSearchPath() {
    }

    /** Adds the option to a session's login properties, beside any options already there. */
    public static Properties add(Properties properties) {
        String options = properties.getProperty("options");
        properties.setProperty("options", options == null || options.isBlank() ? OPTION : options + " " + OPTION);
        return properties;
    }
}
