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
            // a stopped step holds the walk: the next one is only shown once the learner skips on
            assertThat(pty.expect("Enter run it again", WAIT)).contains("Stopped: the statement was cancelled.", "Step 2 did not work")
                    .doesNotContain("Step 3 of 3");
            pty.type("s");
            assertThat(pty.expect("Enter run", WAIT)).contains("Skipped step 2", "Step 3 of 3 · Look (look)");

            pty.type("l");
            assertThat(pty.expect("Enter run", WAIT)).contains("✓   1  sql   Make (make)", "✗   2  sql   Slow (slow)", "▶   3  sql   Look (look)");

            pty.type(":");
            pty.expect(db.database() + "=> ", WAIT);
            pty.type("SELECT 40 + 2 AS answer;\r");
            assertThat(pty.expect(db.database() + "=> ", WAIT)).contains("answer", "42", "(1 row)");
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
            assertThat(pty.expect("Enter run it again", WAIT)).contains("Stopped", "Step 2 did not work").doesNotContain("Step 3 of 3");
            pty.type("s");
            assertThat(pty.expect("Enter run", WAIT)).contains("Step 3 of 3");
            pty.type("\r");
            assertThat(pty.expect("End of the lesson", WAIT)).contains("HELLO FROM JSHELL");
            pty.type(":");
            pty.expect(db.database() + "=> ", WAIT);
            pty.type(":java greeting.length()\r");
            assertThat(pty.expect("jshell> ", WAIT)).contains("17");
            // JShell's completeness analysis, not the Enter key, decides when a snippet runs
            pty.type("int twice(int x) {\r");
            pty.expect("   ...> ", WAIT);
            pty.type("return 2 * x;\r");
            pty.expect("   ...> ", WAIT);
            pty.type("}\r");
            assertThat(pty.expect("jshell> ", WAIT)).contains("created method twice");
            pty.type("twice(greeting.length())\r");
            assertThat(pty.expect("jshell> ", WAIT)).contains("34");
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

    /**
     * The first screen needs no database, so it is painted before the server is reached; a server that does not
     * answer still ends the walk with its one line and exit code, before any key is read.
     */
    @Test
    void theFirstScreenComesBeforeTheDatabaseAndAnUnreachableOneStillEndsTheWalkInOneLine() throws Exception {
        Path notes = dir.resolve("first.md");
        Files.writeString(notes, "# First screen\n\nRead this while the server is reached.\n\n```sql\nSELECT 'never run' AS said;\n```\n");
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/crm_db?user=crmuser&password=crmpassword";
        String command = PseudoTerminal.quote(CommandJvm.command(List.of("-Dworkbook.home=" + Path.of("").toAbsolutePath()),
                "Lesson", notes.toString(), "--url", url));
        try (PseudoTerminal pty = PseudoTerminal.start(command, dir, 100)) {
            pty.expect("Read this while the server is reached.", WAIT);
            assertThat(pty.expect("No PostgreSQL answers at", WAIT)).as("the step's code is shown, never run")
                    .contains("SELECT 'never run'").doesNotContain("(1 row)");
            assertThat(pty.exitCode(WAIT)).isEqualTo(3);
            assertThat(pty.plain()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    /** The walk parses its notebook beside the terminal's set-up; a notebook that does not parse still says why in one line. */
    @Test
    void aNotebookThatDoesNotParseEndsTheWalkInOneLine() throws Exception {
        Path notes = dir.resolve("broken.md");
        Files.writeString(notes, "# Broken\n\n```sql id=same\nSELECT 1;\n```\n\n```sql id=same\nSELECT 2;\n```\n");
        String command = PseudoTerminal.quote(CommandJvm.command(List.of("-Dworkbook.home=" + Path.of("").toAbsolutePath()),
                "Lesson", notes.toString()));
        try (PseudoTerminal pty = PseudoTerminal.start(command, dir, 100)) {
            assertThat(pty.exitCode(WAIT)).isEqualTo(2);
            assertThat(pty.plain()).contains("same").doesNotContain("Exception").doesNotContain("\tat ");
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
            assertThat(pty.expect(db.database() + "_lab=> ", WAIT).replaceAll("\\s+", " ")).contains("SQL runs in session b on " + db.database() + "_lab");
            pty.type("SELECT count(*) AS seen FROM lab_only;\r");
            assertThat(pty.expect(db.database() + "_lab=> ", WAIT)).contains("seen", "(1 row)").doesNotContain("ERROR");
            pty.type("\r");
            pty.expect("Enter run", WAIT);
            pty.type("q");
            assertThat(pty.exitCode(WAIT)).isZero();
        }
    }

    @Test
    void aFailedStepHoldsTheWalkUntilRunAgainFixedWithOwnSqlOrSkipped() throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("walk_hold");
        Path notes = dir.resolve("hold.md");
        Files.writeString(notes, """
                # Hold

                ```sql id=look
                SELECT count(*) AS rows_seen FROM notes;
                ```

                It worked: the table is there.

                ```sql id=stuck
                BEGIN;
                SELECT 1/0;
                ```

                Past the stuck step.

                ```sql id=last
                SELECT 'last step ran' AS said;
                ```
                """);
        String prompt = db.database() + "=> ";
        try (PseudoTerminal pty = PseudoTerminal.start(lesson(notes, db), dir, 100)) {
            pty.expect("Enter run", WAIT);
            pty.type("\r");
            assertThat(pty.expect("s skip it (the steps after may fail too)", WAIT)).contains("relation \"notes\" does not exist",
                    "Step 1 did not work", "Enter run it again").doesNotContain("It worked", "Step 2 of 3");

            // own SQL over two lines, as in psql: it runs at the ;, on the step's session
            pty.type(":");
            pty.expect(prompt, WAIT);
            pty.type("CREATE TABLE notes\r");
            assertThat(pty.expect(db.database() + "-> ", WAIT)).doesNotContain("ERROR");
            pty.type("(n int);\r");
            assertThat(pty.expect(prompt, WAIT)).contains("CREATE TABLE").doesNotContain("ERROR");
            pty.type("\r");
            pty.expect("Enter run it again", WAIT);
            pty.type("\r");
            assertThat(pty.expect("Enter run", WAIT)).contains("rows_seen", "It worked: the table is there.", "Step 2 of 3 · Hold (stuck)");

            pty.type("\r");
            assertThat(pty.expect("Enter run it again", WAIT).replaceAll("\\s+", " ")).contains("division by zero",
                    "The transaction is aborted in " + db.database(), "Step 2 did not work").doesNotContain("Past the stuck step");
            pty.type("r");
            assertThat(pty.expect("Enter run it again", WAIT)).contains("current transaction is aborted").doesNotContain("Past the stuck step");
            pty.type("s");
            assertThat(pty.expect("Enter run", WAIT).replaceAll("\\s+", " ")).contains("Skipped step 2, which did not work: the steps after it may fail too.",
                    "Past the stuck step.", "Step 3 of 3");

            // r at a step that has not run says so; it does not run the step before
            pty.type("r");
            assertThat(pty.expect("Step 3 has not run yet: Enter runs it.", WAIT)).doesNotContain("ERROR");
            assertThat(pty.expect("Enter run", WAIT)).doesNotContain("ERROR");

            pty.type("\r");
            assertThat(pty.expect("Enter run it again", WAIT)).contains("current transaction is aborted", "Step 3 did not work");
            pty.type(":");
            pty.expect(prompt, WAIT);
            pty.type("ROLLBACK;\r");
            assertThat(pty.expect(prompt, WAIT)).contains("ROLLBACK");
            pty.type("\r");
            pty.expect("Enter run it again", WAIT);
            pty.type("\r");
            assertThat(pty.expect("End of the lesson", WAIT)).contains("last step ran");
            pty.type("q");
            assertThat(pty.exitCode(WAIT)).isZero();
        }
    }

    @Test
    void inALabTheAdviceNamesTheLabsDatabaseAndSessionAndColonReachesIt() throws Exception {
        ConnectionInfo db = TestDatabase.freshDatabase("walk_lab_advice");
        String lab = db.database() + "_lab";
        Path notes = dir.resolve("lab-advice.md");
        Files.writeString(notes, "# Lab\n\n```sql id=make database=" + lab + "\nCREATE TABLE lab_rows (n int);\n```\n\n"
                + "```sql id=stuck session=b database=" + lab + "\nBEGIN;\nSELECT 1/0;\n```\n\n"
                + "```sql id=after session=b database=" + lab + "\nSELECT count(*) AS lab_rows_seen FROM lab_rows;\n```\n");
        try (PseudoTerminal pty = PseudoTerminal.start(lesson(notes, db), dir, 100)) {
            pty.expect("Enter run", WAIT);
            pty.type("\r");
            pty.expect("Step 2 of 3", WAIT);
            pty.expect("Enter run", WAIT);
            // run the first step again: what a second run of a lab meets
            pty.type("b");
            pty.expect("Step 1 of 3", WAIT);
            pty.expect("Enter run", WAIT);
            pty.type("r");
            assertThat(pty.expect("Enter run", WAIT).replaceAll("\\s+", " ")).contains("Already there from an earlier run, kept",
                    "For a fresh start of " + lab + ": leave the lab, run DROP DATABASE " + lab + "; in psql on " + db.database())
                    .doesNotContain("db reset");
            pty.type("s");
            pty.expect("Step 2 of 3", WAIT);
            pty.expect("Enter run", WAIT);
            pty.type("\r");
            assertThat(pty.expect("Enter run it again", WAIT).replaceAll("\\s+", " ")).contains("division by zero",
                    "The transaction is aborted in session b on " + lab, "(it runs in session b on " + lab + ")");
            pty.type(":");
            assertThat(pty.expect(lab + "=> ", WAIT).replaceAll("\\s+", " ")).contains("SQL runs in session b on " + lab);
            pty.type("ROLLBACK;\r");
            assertThat(pty.expect(lab + "=> ", WAIT)).contains("ROLLBACK").doesNotContain("WARNING");
            pty.type("\r");
            pty.expect("Enter run it again", WAIT);
            pty.type("s");
            pty.expect("Step 3 of 3", WAIT);
            pty.expect("Enter run", WAIT);
            pty.type("\r");
            // session b is usable again: ROLLBACK reached the session the abort was in
            assertThat(pty.expect("End of the lesson", WAIT)).contains("lab_rows_seen").doesNotContain("aborted");
            pty.type("q");
            assertThat(pty.exitCode(WAIT)).isZero();
        }
    }
}
