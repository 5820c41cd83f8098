package workbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.Slow;
import workbook.TestDatabase;
import workbook.cli.CommandJvm;
import workbook.db.ConnectionInfo;

/** Drives the walk through a real pseudo-terminal: keys in, screen out, as a learner at a terminal. */
@Slow
class InteractiveWalkTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @BeforeEach
    void needsAPseudoTerminal() {
        Assumptions.assumeTrue(PseudoTerminal.available(), "util-linux `script` is not installed");
    }

    @Test
    void keysRunListTypeOwnSqlStopASlowCellGoBackJumpAndQuit() throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("walk");
        Path notes = dir.resolve("walk.md");
        Files.writeString(notes, """
                # A walk

                Some *prose* first.

                ## Make

                ```sql id=make
                CREATE TABLE users (email text);
                INSERT INTO users VALUES ('alice@example.com');
                ```

                ## Slow

                ```sql id=slow
                SELECT pg_sleep(30);
                ```

                ## Look

                ```sql id=look
                SELECT email FROM users;
                ```

                The end.
                """);
        try (PseudoTerminal pty = PseudoTerminal.start(lesson(notes, db), dir, 100)) {
            assertThat(pty.expect("Enter run · s skip", WAIT))
                    .contains("A walk", "Some prose first.", "── Step 1 of 3 · Make (make) · sql", "CREATE TABLE users (email text);");
            pty.type("\r");
            assertThat(pty.expect("Enter run", WAIT)).contains("CREATE TABLE", "INSERT 0 1", "Step 2 of 3 · Slow (slow)");

            pty.type("\r");
            pty.expect("Running step 2 (Ctrl-C stops it)", WAIT);
            pty.type("\u0003");
            assertThat(pty.expect("Enter run", WAIT)).contains("Stopped: the statement was cancelled.", "Step 3 of 3 · Look (look)");

            pty.type("l");
            assertThat(pty.expect("Enter run", WAIT)).contains("✓   1  sql   Make (make)", "▶   3  sql   Look (look)");

            pty.type(":");
            pty.expect("sql> ", WAIT);
            pty.type("SELECT 40 + 2 AS answer;\r");
            assertThat(pty.expect("sql> ", WAIT)).contains("answer", "42", "(1 row)");
            pty.type("\r");
            pty.expect("Enter run", WAIT);

            pty.type("b");
            assertThat(pty.expect("Enter run", WAIT)).contains("Step 2 of 3 · Slow (slow)");
            pty.type("j");
            pty.expect("Step (1-3 or an id", WAIT);
            pty.type("look\r");
            assertThat(pty.expect("Enter run", WAIT)).contains("Step 3 of 3 · Look (look)");
            pty.type("\r");
            assertThat(pty.expect("End of the lesson", WAIT)).contains("alice@example.com", "The end.");
            pty.type("q");
            pty.expect("Left at step 3", WAIT);
            assertThat(pty.exitCode(WAIT)).isZero();
        }
    }

    @Test
    void ctrlCStopsAJavaCellAndTheJShellStateLivesOn() throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("walk_java");
        Path notes = dir.resolve("java.md");
        Files.writeString(notes, """
                # Java

                ```java id=define
                var greeting = "hello from JShell";
                ```

                ```java id=sleep
                Thread.sleep(60_000);
                ```

                ```java id=use
                greeting.toUpperCase()
                ```
                """);
        try (PseudoTerminal pty = PseudoTerminal.start(lesson(notes, db), dir, 100)) {
            pty.expect("Enter run", WAIT);
            pty.type("\r");
            pty.expect("Step 2 of 3", WAIT);
            pty.expect("Enter run", WAIT);
            pty.type("\r");
            pty.expect("Running step 2 (Ctrl-C stops it)", WAIT);
            pty.type("\u0003");
            assertThat(pty.expect("Enter run", WAIT)).contains("Stopped", "Step 3 of 3");
            pty.type("\r");
            assertThat(pty.expect("End of the lesson", WAIT)).contains("HELLO FROM JSHELL");
            pty.type(":");
            pty.expect("sql> ", WAIT);
            pty.type(":java greeting.length()\r");
            assertThat(pty.expect("java> ", WAIT)).contains("17");
            pty.type("\r");
            pty.expect("End of the lesson", WAIT);
            pty.type("\r");
            assertThat(pty.exitCode(WAIT)).isZero();
        }
    }

    @Test
    void ctrlCAtThePromptQuitsCleanlyAndExportsWhatRan() throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("walk_quit");
        Path notes = dir.resolve("quit.md");
        Files.writeString(notes, "# Quit\n\n```sql\nSELECT 'kept in the export' AS said;\n```\n\n```sql\nSELECT 2;\n```\n");
        Path export = dir.resolve("walked.md");
        try (PseudoTerminal pty = PseudoTerminal.start(lesson(notes, db) + " --export " + export, dir, 100)) {
            pty.expect("Enter run", WAIT);
            pty.type("\r");
            pty.expect("Step 2 of 2", WAIT);
            pty.expect("Enter run", WAIT);
            pty.type("\u0003");
            pty.expect("Left at step 2", WAIT);
            assertThat(pty.exitCode(WAIT)).isZero();
            assertThat(Files.readString(export)).contains("kept in the export").doesNotContain("2\n(1 row)");
        }
    }

    @Test
    void qAtAProsePageLeavesTheLessonAsItDoesAtAStep() throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("walk_page_quit");
        Path notes = dir.resolve("long.md");
        // longer than the 50-row terminal, so the prose before step 1 is paged
        String prose = java.util.stream.IntStream.rangeClosed(1, 120).mapToObj(i -> "Paragraph " + i + ".\n").collect(java.util.stream.Collectors.joining("\n"));
        Files.writeString(notes, "# Long\n\n" + prose + "\n```sql\nSELECT 'never run' AS said;\n```\n");
        try (PseudoTerminal pty = PseudoTerminal.start(lesson(notes, db), dir, 100)) {
            pty.expect("more: Enter or space reads on", WAIT);
            pty.type("q");
            assertThat(pty.expect("Left at step 1", WAIT)).doesNotContain("never run");
            assertThat(pty.exitCode(WAIT)).isZero();
        }
    }

    /** The lesson entry script in a JVM of its own, as `./jbang` would start it. */
    static String lesson(Path notes, ConnectionInfo db) {
        return PseudoTerminal.quote(CommandJvm.command(List.of("-Dworkbook.home=" + Path.of("").toAbsolutePath()),
                "Lesson", notes.toString(), "--url", LessonRun.url(db)));
    }

    @Test
    void ownSqlRunsInTheSessionAndDatabaseOfTheStepAtHand() throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("walk_lab");
        Path notes = dir.resolve("lab.md");
        Files.writeString(notes, "# Lab\n\n```sql session=b database=" + db.database() + "_lab\nBEGIN; CREATE TABLE lab_only (n int);\n```\n\n"
                + "```sql session=b database=" + db.database() + "_lab\nCOMMIT;\n```\n");
        try (PseudoTerminal pty = PseudoTerminal.start(lesson(notes, db), dir, 100)) {
            pty.expect("Enter run", WAIT);
            pty.type("\r");
            pty.expect("Enter run", WAIT);
            pty.type(":");
            assertThat(pty.expect("sql> ", WAIT)).contains("(sql on " + db.database() + "_lab, session b)");
            pty.type("SELECT count(*) AS seen FROM lab_only;\r");
            assertThat(pty.expect("sql> ", WAIT)).contains("seen", "(1 row)").doesNotContain("ERROR");
            pty.type("\r");
            pty.expect("Enter run", WAIT);
            pty.type("q");
            assertThat(pty.exitCode(WAIT)).isZero();
        }
    }
}
