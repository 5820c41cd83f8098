package workbook.jshell;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The class path snippets compile against: the host's own (JShell's compiler does not see it by itself),
 * plus the jars of the classes the bindings need, in case the host was started some other way.
 */
final class ClassPath {
    private ClassPath() {
    }

    static String forSnippets() {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        for (Class<?> needed : new Class<?>[] {Bindings.class, Jdbi.class, SqlObjectPlugin.class, PostgresPlugin.class}) {
            String location = locationOf(needed);
            if (location != null) {
                entries.add(location);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String locationOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            return Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
