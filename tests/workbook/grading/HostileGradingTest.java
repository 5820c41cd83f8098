package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.HostileCorpus;
import workbook.HostileCorpus.Attack;
import workbook.Slow;
import workbook.TestDatabase;
import workbook.WorkbookHome;
import workbook.cli.CommandJvm;
import workbook.db.ConnectionInfo;

/**
 * The hostile corpus graded as an instructor would: `grade` in a JVM of its own with a 256 MB heap, on
 * one job, so each attacker is followed on the same database, role and session by a correct student who
 * must get exactly the marks of a student graded alone. No payload may run with more rights than its
 * author, no limit may end the run, and the server is left as it was.
 */
@Slow
class HostileGradingTest {
    private static final String CORRECT = "-then-correct";

    @TempDir
    static Path work;
    static ConnectionInfo admin;
    static Run lesson3;
    static Run updatedAt;
    static List<Attack> attacks = new ArrayList<>();

    record Run(int exit, String out, String err, Path grades) {
        Map<String, List<String>> csv() throws IOException {
            return ClassGradingTest.csv(grades.resolve("grades.csv"));
        }

        GradeRecord record(String student) {
            return new ResultStore(grades).read(student).orElseThrow();
        }
    }

    @BeforeAll
    static void gradeTheCorpus() throws Exception {
        admin = TestDatabase.freshDatabase("hostile_grading");
        lesson3 = grade("lesson3", "1");
        updatedAt = grade("lesson3-updated-at", "1");
    }

    /** Grades each of the lesson's attacks, each followed by a correct student. */
    static Run grade(String lesson, String jobs) throws Exception {
        Path submissions = work.resolve(lesson + "-submissions");
        for (Attack attack : HostileCorpus.attacks(lesson, "", admin.database(), admin.user())) {
            attacks.add(attack);
            HostileCorpus.write(submissions.resolve(attack.name()), attack.files());
            HostileCorpus.write(submissions.resolve(attack.name() + CORRECT), HostileCorpus.solutions(lesson));
        }
        Path out = work.resolve(lesson + "-grades");
        String url = "jdbc:postgresql://" + admin.host() + ":" + admin.port() + "/" + admin.database()
                + "?user=" + admin.user() + "&password=" + admin.password();
        List<String> command = CommandJvm.command(List.of("-Xmx256m"), "Grade", lesson, "--submissions", submissions.toString(),
                "--out", out.toString(), "--url", url, "--jobs", jobs, "--timeout", "6");
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("WORKBOOK_HOME", WorkbookHome.locate().root().toString());
        Path stdout = work.resolve(lesson + ".out");
        Path stderr = work.resolve(lesson + ".err");
        Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8), out);
    }

    @Test
    void everyRunEndsNormally() {
        for (Run run : List.of(lesson3, updatedAt)) {
            assertThat(run.exit()).as(run.err()).isZero();
        }
    }

    @Test
    void noPayloadRanWithMoreRightsThanItsAuthor() {
        assertThat(attacks).isNotEmpty().noneMatch(Attack::markerLeft);
    }

    @Test
    void aCorrectStudentGradedRightAfterEachAttackerGetsFullMarks() throws IOException {
        Map<String, List<String>> graded = lesson3.csv();
        graded.keySet().stream().filter(student -> student.endsWith(CORRECT)).forEach(student ->
                assertThat(graded.get(student)).as(student + ": " + lesson3.record(student).problem()).endsWith("23", "21", "2", "2"));
        assertThat(graded.keySet().stream().filter(student -> student.endsWith(CORRECT)).count()).isGreaterThan(20);
        Map<String, List<String>> rows = updatedAt.csv();
        assertThat(rows.get("p01-trigger-on-the-update-probe" + CORRECT)).endsWith("3", "3", "0", "0");
    }

    @Test
    void everyLimitCostsTheAttackerTheTaskWithItsReasonAndNothingMore() {
        for (String memory : List.of("r01-notification-flood", "r02-huge-result", "r03-huge-value", "r04-huge-notice")) {
            assertThat(said(memory)).as(memory).contains("02-insert-bob.sql was stopped: the server sent it more than 4 MB");
            assertThat(lesson3.record(memory).task("01-add-columns").passed()).as(memory).isTrue();
            assertThat(lesson3.record(memory).task("03-update-alice").passed()).as(memory + ": the next task starts afresh").isTrue();
        }
        assertThat(said("r05-disk-fill")).contains("02-insert-bob.sql was stopped: its database grew by ").contains("more than the 64 MB a submission may use");
        assertThat(said("r06-advisory-locks")).contains("permission denied for function pg_advisory_lock");
        assertThat(said("r07-many-tables")).contains("more than 1000 tables, indexes, types and functions");
        GradeRecord endless = lesson3.record("r09-time");
        assertThat(endless.status()).isEqualTo(GradeRecord.Status.TIMED_OUT);
        assertThat(endless.problem()).isEqualTo("the time limit of 6 s ran out while 05-email-index.sql was running");
        assertThat(endless.score()).as("the tasks judged before it keep their points").isEqualTo(21);
    }

    /** Everything task 2 of a resource attacker's record says: its checks' messages and its SQL errors. */
    private static String said(String attacker) {
        GradeRecord.TaskGrade task = lesson3.record(attacker).task("02-insert-bob");
        return String.join("\n", task.sqlErrors()) + "\n" + String.join("\n", task.checks().stream().map(c -> String.valueOf(c.message())).toList());
    }

    @Test
    void theServerIsLeftAsItWas() throws Exception {
        try (Connection c = TestDatabase.connect(admin); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM pg_roles WHERE rolname LIKE 'wbgrade\\_%')"
                     + " + (SELECT count(*) FROM pg_database WHERE datname LIKE 'wbgrade\\_%' OR datname = 'wb_gone')"
                     + " + (SELECT count(*) FROM pg_roles WHERE rolsuper AND rolname NOT IN ('postgres', 'crmuser'))")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }
}
