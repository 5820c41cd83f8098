package workbook.notebook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cell kinds one notebook run knows, by fence language. The lesson command adds sql and java; the
 * entry script adds what lives outside the runtime (the checker's `check`).
 */
public final class CellKinds implements AutoCloseable {
    private final Map<String, CellKind> byLanguage = new LinkedHashMap<>();

    public CellKinds register(CellKind kind) {
        byLanguage.put(kind.language().toLowerCase(), kind);
        return this;
    }

    public Optional<CellKind> forLanguage(String language) {
        return Optional.ofNullable(byLanguage.get(language));
    }

    /** The fence languages that make a code cell; any other fence is prose. */
    public Set<String> languages() {
        return Set.copyOf(byLanguage.keySet());
    }

    /** Stops every kind's state (the JShell), newest first, ignoring what fails on the way out. */
    @Override
    public void close() {
        List<CellKind> kinds = new ArrayList<>(byLanguage.values());
        Collections.reverse(kinds);
        for (CellKind kind : kinds) {
            try {
                kind.close();
            } catch (RuntimeException ignored) {
                // leaving anyway; one kind's trouble must not keep the others open
            }
        }
    }
}
