package workbook;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the workbook's checkout (where jbang-catalog.json lives) and its private state folder, .workbook/. */
public record WorkbookHome(Path root) {

    /** WORKBOOK_HOME or -Dworkbook.home if set, else the nearest folder upwards from here holding jbang-catalog.json. */
    public static WorkbookHome locate() {
        String explicit = System.getProperty("workbook.home", System.getenv("WORKBOOK_HOME"));
        if (explicit != null && !explicit.isBlank()) {
            return new WorkbookHome(Path.of(explicit).toAbsolutePath().normalize());
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("jbang-catalog.json"))) {
                return new WorkbookHome(p);
            }
        }
        // outside a checkout the current folder still gets a state folder of its own
        return new WorkbookHome(here);
    }

    /** Private, git-ignored state: the embedded server's data, logs, caches. */
    public Path stateDir() {
        return root.resolve(".workbook");
    }

    public Path logsDir() {
        return stateDir().resolve("logs");
    }

    public Path lessonsDir() {
        return root.resolve("lessons");
    }

    public Path exercisesDir() {
        return root.resolve("exercises");
    }

    public Path solutionsDir() {
        return root.resolve("solutions");
    }
}
