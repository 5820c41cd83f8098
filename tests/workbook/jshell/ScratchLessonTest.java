package workbook.jshell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import workbook.TestDatabase;

class ScratchLessonTest {
    @Test
    void run() throws Exception {
        var info = TestDatabase.freshDatabase("lesson");
        String md = Files.readString(Path.of("/tmp/lesson3.md"));
        long t0 = System.nanoTime();
        try (JavaSession s = JavaSession.open(info)) {
            System.err.println("open ms " + (System.nanoTime() - t0) / 1_000_000);
            try (var c = TestDatabase.connect(info); var st = c.createStatement()) {
                st.execute("CREATE TABLE users (id UUID PRIMARY KEY DEFAULT gen_random_uuid(), email VARCHAR(255) UNIQUE NOT NULL, password_hash VARCHAR(255) NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(), updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW())");
                st.execute("INSERT INTO users (email, password_hash) VALUES ('alice@example.com', 'placeholder_hash_not_a_real_one')");
            }
            Matcher m = Pattern.compile("```java id=(\\S+)\\n(.*?)```", Pattern.DOTALL).matcher(md);
            while (m.find()) {
                long t = System.nanoTime();
                JavaCellResult r = s.run(m.group(2));
                System.err.println("=== " + m.group(1) + " [" + r.outcome() + ", " + (System.nanoTime() - t) / 1_000_000 + " ms, declared " + r.declared() + "]\n" + r.display());
            }
        }
    }
}
