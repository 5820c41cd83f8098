package workbook.grading.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import workbook.WorkbookHome;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;

/**
 * Writes a made-up class for the benchmark: the reference solutions, correct variants written
 * differently, each typical mistake, empty and partial submissions, hostile SQL, as folders and zips.
 */
final class ClassGenerator {
    /** A kind of submission: a name and the files that replace the solution's (null content: file left out). */
    record Kind(String name, boolean zipped, Map<String, String> overrides) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("correct", false, Map.of()),
            new Kind("correct-zipped", true, Map.of()),
            new Kind("one-alter-with-defaults", false, Map.of("01-add-columns.sql",
                    "ALTER TABLE users ADD COLUMN first_name VARCHAR(100) NOT NULL DEFAULT 'Alice', ADD COLUMN last_name VARCHAR(100) NOT NULL DEFAULT 'A',"
                            + " ADD COLUMN phone_number VARCHAR(20) UNIQUE, ADD COLUMN is_active BOOLEAN DEFAULT TRUE;\n")),
            new Kind("not-null-without-default", false, Map.of("01-add-columns.sql",
                    "ALTER TABLE users ADD COLUMN first_name VARCHAR(100) NOT NULL;\nALTER TABLE users ADD COLUMN last_name VARCHAR(100) NOT NULL;\n"
                            + "ALTER TABLE users ADD COLUMN phone_number VARCHAR(20) UNIQUE;\nALTER TABLE users ADD COLUMN is_active BOOLEAN DEFAULT TRUE;\n")),
            new Kind("drop-and-recreate", true, Map.of("01-add-columns.sql",
                    "DROP TABLE users;\nCREATE TABLE users (id UUID PRIMARY KEY DEFAULT gen_random_uuid(), email VARCHAR(255) UNIQUE NOT NULL,"
                            + " password_hash VARCHAR(255) NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(), updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),"
                            + " first_name VARCHAR(100) NOT NULL, last_name VARCHAR(100) NOT NULL, phone_number VARCHAR(20) UNIQUE, is_active BOOLEAN DEFAULT TRUE);\n")),
            new Kind("text-columns", false, Map.of("01-add-columns.sql",
                    "ALTER TABLE users ADD COLUMN first_name TEXT NOT NULL DEFAULT '', ADD COLUMN last_name TEXT NOT NULL DEFAULT '',"
                            + " ADD COLUMN phone_number TEXT, ADD COLUMN is_active BOOLEAN;\n")),
            new Kind("bob-without-names", false, Map.of("02-insert-bob.sql",
                    "INSERT INTO users (email, password_hash) VALUES ('bob@example.com', 'x');\n")),
            new Kind("update-without-where", true, Map.of("03-update-alice.sql",
                    "UPDATE users SET first_name = 'Alicia', updated_at = NOW();\n")),
            new Kind("delete-without-where", false, Map.of("04-delete-bob.sql", "DELETE FROM users;\n")),
            new Kind("index-on-phone", false, Map.of("05-email-index.sql", "CREATE INDEX ON users (phone_number);\n")),
            new Kind("only-two-files", true, nulls("03-update-alice.sql", "04-delete-bob.sql", "05-email-index.sql")),
            new Kind("empty", false, nulls("01-add-columns.sql", "02-insert-bob.sql", "03-update-alice.sql", "04-delete-bob.sql", "05-email-index.sql")),
            new Kind("hostile", false, Map.of("04-delete-bob.sql", "DELETE FROM users WHERE email = 'bob@example.com';\n"
                    + "COPY (SELECT 1) TO PROGRAM 'id';\nSELECT rolpassword FROM pg_authid;\nALTER ROLE CURRENT_USER SUPERUSER;\n"
                    + "CREATE ROLE wbgrade_evil;\nDROP DATABASE postgres;\nCREATE EXTENSION pgcrypto;\nSELECT pg_read_file('/etc/passwd');\n")));

    private ClassGenerator() {
    }

    /** The kinds' names, for the benchmark's first line. */
    static String kinds() {
        return String.join(", ", KINDS.stream().map(Kind::name).toList());
    }

    /**
     * Writes {@code count} submissions into {@code folder}, cycling through the kinds, over what is there
     * (a file a kind leaves out is deleted); returns the students' names, in order.
     */
    static List<String> write(WorkbookHome home, TaskSet set, Path folder, int count) throws IOException {
        Map<String, String> solutions = new LinkedHashMap<>();
        for (Task task : set.tasks()) {
            solutions.put(task.file(), Files.readString(home.solutionsDir().resolve(set.lesson()).resolve(task.file())));
        }
        Files.createDirectories(folder);
        List<String> students = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Kind kind = KINDS.get(i % KINDS.size());
            Map<String, String> files = new LinkedHashMap<>(solutions);
            kind.overrides().forEach((file, sql) -> {
                if (sql == null || sql.isEmpty()) {
                    files.remove(file);
                } else {
                    files.put(file, sql);
                }
            });
            String student = String.format("student-%03d-%s", i + 1, kind.name());
            students.add(student);
            if (kind.zipped()) {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(folder.resolve(student + ".zip")));
                     ZipOutputStream zip = new ZipOutputStream(out)) {
                    for (var f : files.entrySet()) {
                        zip.putNextEntry(new ZipEntry(student + "/exercises/" + set.lesson() + "/" + f.getKey()));
                        zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                    }
                }
            } else {
                Path dir = Files.createDirectories(folder.resolve(student));
                for (Task task : set.tasks()) {
                    String sql = files.get(task.file());
                    if (sql == null) {
                        Files.deleteIfExists(dir.resolve(task.file()));
                    } else {
                        Files.writeString(dir.resolve(task.file()), sql);
                    }
                }
            }
        }
        return students;
    }

    private static Map<String, String> nulls(String... files) {
        Map<String, String> removed = new LinkedHashMap<>();
        for (String f : files) {
            removed.put(f, "");
        }
        return removed;
    }
}
