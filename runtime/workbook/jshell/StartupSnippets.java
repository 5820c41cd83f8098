package workbook.jshell;

import java.util.ArrayList;
import java.util.List;

/**
 * What every Java cell and the repl can use without typing it: the default imports and the {@code jdbi} and
 * {@code handle} variables, as JShell source read before the first cell.
 */
final class StartupSnippets {
    /** The packages a lesson's Jdbi code needs: core API, reflection mappers, SqlObject annotations, Postgres types. */
    static final List<String> IMPORTS = List.of(
            "org.jdbi.v3.core.*",
            "org.jdbi.v3.core.mapper.reflect.*",
            "org.jdbi.v3.sqlobject.*",
            "org.jdbi.v3.sqlobject.statement.*",
            "org.jdbi.v3.sqlobject.customizer.*",
            "org.jdbi.v3.sqlobject.config.*",
            "org.jdbi.v3.postgres.*",
            "java.util.*",
            "java.time.*");

    private StartupSnippets() {
    }

    /** One snippet per line: imports first, then the two bindings read from {@link Bindings}. */
    static List<String> forSession(int session) {
        List<String> snippets = new ArrayList<>();
        for (String pkg : IMPORTS) {
            snippets.add("import " + pkg + ";");
        }
        snippets.add("Jdbi jdbi = workbook.jshell.Bindings.jdbi(" + session + ");");
        snippets.add("Handle handle = workbook.jshell.Bindings.handle(" + session + ");");
        return snippets;
    }

    /** The same snippets as the text of a JShell startup file. */
    static String asFile(int session) {
        return String.join("\n", forSession(session)) + "\n";
    }
}
