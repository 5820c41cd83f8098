package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.ReportChecker;
import workbook.Slow;
import workbook.TestDatabase;
import workbook.checker.sandbox.SandboxLimits;
import workbook.WorkbookHome;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;
import workbook.checker.TaskSetReader;
import workbook.db.ConnectionInfo;

/** A class mixing correct, wrong, empty, zipped, nested and hostile submissions, graded end to end on a real PostgreSQL. */
@Slow
class ClassGradingTest {
    static final WorkbookHome HOME = WorkbookHome.locate();
    static final TaskSet LESSON3 = TaskSetReader.forLesson(HOME, "lesson3");
    static final List<String> IDS = LESSON3.tasks().stream().map(Task::id).toList();
    static final String ODD_NAME = "o'brien, \"jr\"";
    static final Path MARKER = Path.of(System.getProperty("java.io.tmpdir"), "wbgrade-test-pwned-" + ProcessHandle.current().pid());

    @TempDir
    static Path work;
    static ConnectionInfo admin;
    static Path submissions;
    static Path out;
    static ClassGrader.GradedClass first;

    @BeforeAll
    static void gradeTheClass() throws Exception {
        admin = TestDatabase.freshDatabase("grading_class");
        submissions = Files.createDirectories(work.resolve("submissions"));
        out = work.resolve("grades");
        Map<String, String> solved = solutions();

        write(submissions.resolve("alice"), solved);
        zip(submissions.resolve("bob.zip"), "bob/exercises/lesson3/", solved);
        Map<String, String> carol = new LinkedHashMap<>(solved);
        carol.put("03-update-alice.sql", "UPDATE users SET first_name = 'Alicia', updated_at = NOW();\n");
        write(submissions.resolve("carol/exercises/lesson3"), carol);
        Files.createDirectories(submissions.resolve("dave"));
        SubmissionReaderTest.mkfifo(submissions.resolve("dave/01-add-columns.sql")); // opened, it would hang the run
        zip(submissions.resolve(ODD_NAME + ".zip"), "", solved);
        Map<String, String> mallory = new LinkedHashMap<>(solved);
        mallory.put("04-delete-bob.sql", solved.get("04-delete-bob.sql") + "\n" + String.join("\n",
                "COPY (SELECT 1) TO PROGRAM 'touch " + MARKER + "';",
                "COPY users TO '" + MARKER + "';",
                "SELECT rolpassword FROM pg_authid;",
                "ALTER ROLE " + admin.user() + " PASSWORD 'stolen';",
                "DROP DATABASE " + admin.database() + ";",
                "CREATE ROLE wbgrade_evil SUPERUSER LOGIN;",
                "CREATE EXTENSION IF NOT EXISTS pgcrypto;",
                "SELECT pg_sleep(3600);",
                "SELECT count(*) FROM generate_series(1, 1000000000);"));
        write(submissions.resolve("mallory"), mallory);
        Map<String, String> trudy = new LinkedHashMap<>(solved);
        trudy.put("05-email-index.sql", solved.get("05-email-index.sql")
                + "\nSET statement_timeout = 0;\nDO $$ BEGIN LOOP BEGIN PERFORM pg_sleep(0.1); EXCEPTION WHEN query_canceled THEN NULL; END; END LOOP; END $$;\n");
        write(submissions.resolve("trudy"), trudy);
        Files.write(submissions.resolve("broken.zip"), "this is not a zip".getBytes(StandardCharsets.UTF_8));
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(submissions.resolve("bomb.zip")))) {
            z.putNextEntry(new ZipEntry("01-add-columns.sql"));
            byte[] spaces = new byte[1 << 16];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 40; i++) {
                z.write(spaces); // 2.5 MiB of spaces, a few KiB zipped
            }
            z.putNextEntry(new ZipEntry("../../escape.sql"));
            z.write("SELECT 1;".getBytes(StandardCharsets.UTF_8));
        }
        Map<String, String> eve = new LinkedHashMap<>(solved);
        zip(submissions.resolve("eve.zip"), "", eve, Map.of("../../escape.sql", "SELECT 1;", "notes.txt", "hi"));
        Files.writeString(submissions.resolve("README.txt"), "not a submission");

        first = grade(false);
    }

    /** The grader's limits for {@code overall}, with statements stopped after a second, so slow ones show soon. */
    static SandboxLimits oneSecondStatements(Duration overall) {
        SandboxLimits l = SandboxLimits.forOverall(overall);
        return new SandboxLimits(Duration.ofSeconds(1), l.lock(), l.idleInTransaction(), l.overall(), l.tempFileLimit(), l.diskBytes(),
                l.locks(), l.objects(), l.receiveBytes());
    }

    static ClassGrader.GradedClass grade(boolean force) throws IOException {
        SandboxLimits limits = oneSecondStatements(Duration.ofSeconds(6));
        GradingProgress quiet = new GradingProgress(new PrintStream(OutputStream.nullOutputStream()), false, 0);
        return GradingRun.grade(HOME, LESSON3, admin, SubmissionsFolder.scan(submissions), out, new GradingRun.Settings(2, limits, force), quiet);
    }

    @Test
    void eachSubmissionGetsTheExpectedPoints() throws IOException {
        Map<String, List<String>> rows = csv(out.resolve("grades.csv"));
        assertThat(rows.get("student")).containsExactly("student", "01-add-columns", "02-insert-bob", "03-update-alice", "04-delete-bob", "05-email-index", "score", "max_score", "bonus", "bonus_max");
        assertThat(rows.get("alice")).containsExactly("alice", "10", "4", "4", "3", "2", "23", "21", "2", "2");
        assertThat(rows.get("bob")).as("a zip wrapping exercises/lesson3 in a folder").containsExactly("bob", "10", "4", "4", "3", "2", "23", "21", "2", "2");
        assertThat(rows.get("carol")).as("UPDATE without WHERE costs task 3 only").containsExactly("carol", "10", "4", "2", "3", "2", "21", "21", "2", "2");
        assertThat(rows.get("dave")).as("empty").containsExactly("dave", "0", "0", "0", "0", "0", "0", "21", "0", "2");
        assertThat(rows.get(ODD_NAME)).as("the name round-trips through CSV").containsExactly(ODD_NAME, "10", "4", "4", "3", "2", "23", "21", "2", "2");
        assertThat(rows.get("mallory")).as("hostile statements fail alone").containsExactly("mallory", "10", "4", "4", "3", "2", "23", "21", "2", "2");
        assertThat(rows.get("eve")).containsExactly("eve", "10", "4", "4", "3", "2", "23", "21", "2", "2");
        assertThat(rows.get("broken").subList(1, 7)).containsOnly("0");
        assertThat(rows.get("bomb").subList(1, 7)).containsOnly("0");
        assertThat(rows).doesNotContainKey("README.txt");
    }

    @Test
    void unreadableAndTimedOutSubmissionsSayWhy() {
        GradeRecord broken = record("broken");
        assertThat(broken.status()).isEqualTo(GradeRecord.Status.NOT_GRADED);
        assertThat(broken.problem()).contains("not a readable zip");
        assertThat(record("bomb").problem()).contains("larger than 1 MiB");
        GradeRecord trudy = record("trudy");
        assertThat(trudy.status()).isEqualTo(GradeRecord.Status.TIMED_OUT);
        assertThat(trudy.problem()).isEqualTo("the time limit of 6 s ran out while 05-email-index.sql was running");
        assertThat(trudy.task("01-add-columns").points()).as("what was judged before the time ran out counts").isEqualTo(10);
        GradeRecord eve = record("eve");
        assertThat(eve.stray()).contains("../../escape.sql (a path outside the zip, ignored)", "notes.txt");
        assertThat(record("dave").missing()).hasSize(5);
        assertThat(record("dave").stray()).containsExactly("01-add-columns.sql (not a regular file, not read)");
    }

    @Test
    void hostileStatementsAreReportedAndLeaveNoTrace() throws Exception {
        GradeRecord mallory = record("mallory");
        String errors = String.join("\n", mallory.task("04-delete-bob").sqlErrors());
        assertThat(errors).contains("permission denied", "pg_authid", "canceling statement due to statement timeout");
        assertThat(MARKER).doesNotExist();
        try (Connection c = TestDatabase.connect(admin); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM pg_roles WHERE rolname LIKE 'wbgrade\\_%'")).as("roles left").isZero();
            assertThat(count(s, "SELECT count(*) FROM pg_roles WHERE rolname = 'wbgrade_evil'")).isZero();
            assertThat(count(s, "SELECT count(*) FROM pg_database WHERE datname LIKE 'wbgrade\\_%'")).as("databases left").isZero();
            assertThat(count(s, "SELECT count(*) FROM pg_database WHERE datname LIKE 'wb\\_scratch\\_%'")).as("scratch databases left").isZero();
        }
    }

    @Test
    void gradescopeJunitAndCsvAreValidAndAgree() throws Exception {
        Map<String, List<String>> rows = csv(out.resolve("grades.csv"));
        for (String student : List.of("alice", "carol", "dave", "mallory", ODD_NAME, "broken", "trudy")) {
            Path folder = out.resolve(student);
            ReportChecker.Verdict gradescope = ReportChecker.check("gradescope", folder.resolve("results.json"));
            assertThat(gradescope.valid()).as(student + " " + gradescope).isTrue();
            ReportChecker.Verdict junitXml = ReportChecker.check("junit", folder.resolve("junit.xml"));
            assertThat(junitXml.valid()).as(student + " " + junitXml).isTrue();
            JsonNode results = ResultStore.JSON.readTree(folder.resolve("results.json").toFile());
            double sum = 0;
            int failed = 0;
            for (JsonNode test : results.get("tests")) {
                assertThat(IDS).anyMatch(id -> test.get("name").asText().startsWith(id + ": "));
                if (!test.has("score")) {
                    continue; // a hidden check's visible stand-in: its points and verdict are its hidden twin's
                }
                sum += test.get("score").asDouble();
                failed += test.get("status").asText().equals("failed") ? 1 : 0;
            }
            assertThat(results.get("score").asDouble()).isEqualTo(sum).isEqualTo(Double.parseDouble(rows.get(student).get(6)));
            String junit = Files.readString(folder.resolve("junit.xml"));
            assertThat(junit.split("<failure ", -1).length - 1).as(student + " junit failures").isEqualTo(failed);
            assertThat(Files.readString(folder.resolve("feedback.md"))).contains("Score: " + rows.get(student).get(6) + " / 21");
        }
        // carol's UPDATE without WHERE fails lesson3's hidden check: she reads that it failed, not its name
        assertThat(Files.readString(out.resolve("carol/feedback.md"))).contains("✗ a hidden check (2 points)").doesNotContain("no other row changed");
    }

    @Test
    void feedbackNamesTheFilesWhereTheStudentPutThem() throws IOException {
        String mallory = Files.readString(out.resolve("mallory/feedback.md"));
        assertThat(record("mallory").task("04-delete-bob").sqlErrors()).as("files at the top of the submission")
                .allSatisfy(e -> assertThat(e).startsWith("04-delete-bob.sql:"));
        assertThat(mallory).contains("\n04-delete-bob.sql:").doesNotContain("exercises/lesson3/");
        assertThat(record("carol").task("03-update-alice").file()).as("files under exercises/lesson3/ in the submission")
                .isEqualTo("exercises/lesson3/03-update-alice.sql");
        assertThat(record("bob").task("03-update-alice").file()).as("a zip that wraps them in a folder")
                .isEqualTo("bob/exercises/lesson3/03-update-alice.sql");
    }

    @Test
    void eachStudentFolderHoldsOneResultFileAndTheBonusIsStated() throws IOException {
        for (String student : List.of("alice", "carol", "dave", "broken")) {
            try (var files = Files.list(out.resolve(student))) {
                assertThat(files.map(f -> f.getFileName().toString())).as(student)
                        .containsExactlyInAnyOrder("results.json", "junit.xml", "feedback.md");
            }
        }
        assertThat(Files.readString(out.resolve("alice/feedback.md"))).contains("**Score: 23 / 21** (bonus included: 2 of 2 bonus points)");
        assertThat(ResultStore.JSON.readTree(out.resolve("alice/results.json").toFile()).get("output").asText())
                .startsWith("lesson3: 23/21 points (bonus included: 2 of 2 bonus points)");
    }

    @Test
    void regradingSkipsUnchangedSubmissionsAndForceRegradesThem() throws Exception {
        ClassGrader.GradedClass again = grade(false);
        // unreadable submissions are tried again; the rest are taken from their records
        assertThat(again.reused()).isEqualTo(first.records().size() - 2);
        assertThat(again.records()).extracting(GradeRecord::score).containsExactlyElementsOf(first.records().stream().map(GradeRecord::score).toList());
        Files.writeString(out.getParent().resolve("submissions/alice/03-update-alice.sql"), "-- nothing yet\n");
        ClassGrader.GradedClass changed = grade(false);
        assertThat(changed.graded()).isEqualTo(3);
        assertThat(record("alice").task("03-update-alice").points()).isZero();
        Files.writeString(out.getParent().resolve("submissions/alice/03-update-alice.sql"), solutions().get("03-update-alice.sql"));
        ClassGrader.GradedClass forced = grade(true);
        assertThat(forced.reused()).isZero();
        assertThat(record("alice").score()).isEqualTo(23);
    }

    @Test
    void aStudentGradedAloneGetsTheSameResultsAsInTheClass() throws Exception {
        Path alone = work.resolve("alone");
        SubmissionsFolder justCarol = new SubmissionsFolder(submissions, List.of(new SubmissionsFolder.Entry("carol", submissions.resolve("carol"))), List.of(), List.of());
        SandboxLimits limits = oneSecondStatements(Duration.ofSeconds(6));
        GradingProgress quiet = new GradingProgress(new PrintStream(OutputStream.nullOutputStream()), false, 0);
        GradingRun.grade(HOME, LESSON3, admin, justCarol, alone, new GradingRun.Settings(1, limits, true), quiet);
        GradeRecord inClass = record("carol");
        GradeRecord byItself = new ResultStore(alone).read("carol").orElseThrow();
        assertThat(byItself.tasks()).isEqualTo(inClass.tasks());
    }

    @Test
    void withoutClassReportsOnlyTheStudentsOwnAreWritten() throws Exception {
        Path alone = work.resolve("alone-no-class-reports");
        SubmissionsFolder justAlice = new SubmissionsFolder(submissions, List.of(new SubmissionsFolder.Entry("alice", submissions.resolve("alice"))), List.of(), List.of());
        GradingProgress quiet = new GradingProgress(new PrintStream(OutputStream.nullOutputStream()), false, 0);
        GradingRun.grade(HOME, LESSON3, admin, justAlice, alone, new GradingRun.Settings(1, oneSecondStatements(Duration.ofSeconds(6)), true, false), quiet);

        assertThat(alone.resolve("alice/results.json")).exists();
        assertThat(alone.resolve(ClassReport.FILE)).doesNotExist();
        assertThat(alone.resolve(ReportWriter.GRADES_CSV)).doesNotExist();
        assertThat(out.resolve(ClassReport.FILE)).as("a class run writes it").exists();
    }

    private static GradeRecord record(String student) {
        return new ResultStore(out).read(student).orElseThrow();
    }

    private static int count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static Map<String, String> solutions() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (Task task : LESSON3.tasks()) {
            files.put(task.file(), Files.readString(HOME.solutionsDir().resolve("lesson3").resolve(task.file())));
        }
        return files;
    }

    static void write(Path folder, Map<String, String> files) throws IOException {
        Files.createDirectories(folder);
        for (var f : files.entrySet()) {
            Files.writeString(folder.resolve(f.getKey()), f.getValue());
        }
    }

    static void zip(Path zip, String prefix, Map<String, String> files) throws IOException {
        zip(zip, prefix, files, Map.of());
    }

    static void zip(Path zip, String prefix, Map<String, String> files, Map<String, String> extra) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (var f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(prefix + f.getKey()));
                z.write(f.getValue().getBytes(StandardCharsets.UTF_8));
            }
            for (var f : extra.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** A strict RFC 4180 reader, keyed by the first field. */
    static Map<String, List<String>> csv(Path file) throws IOException {
        String text = Files.readString(file);
        Map<String, List<String>> rows = new LinkedHashMap<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                continue;
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.put(row.get(0), row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        return rows;
    }

}
