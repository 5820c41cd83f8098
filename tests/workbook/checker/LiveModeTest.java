package workbook.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import workbook.TestDatabase;
import workbook.checker.result.CheckReport;
import workbook.checker.result.TaskResult;
import workbook.terminal.Console;

/** --live judges crm_db as the learner left it; on the same work it agrees with the scratch mode. */
class LiveModeTest {

    private static void runInCrmDb(CheckerFixture fixture, Path... files) throws Exception {
        try (Connection c = TestDatabase.connect(fixture.crmDb); Statement s = c.createStatement()) {
            s.execute(Files.readString(CheckerFixture.LESSON3.setupFile()));
            for (Path f : files) {
                s.execute(Files.readString(f));
            }
        }
    }

    private static Path[] files(Path folder) {
        return CheckerFixture.LESSON3.tasks().stream().map(t -> folder.resolve(t.file())).toArray(Path[]::new);
    }

    @Test
    void referenceSolutionsDoneInCrmDbPassEveryTaskLiveCanSee() throws Exception {
        CheckerFixture fixture = new CheckerFixture("crm_live_ref");
        runInCrmDb(fixture, files(CheckerFixture.solutions()));
        CheckReport live = fixture.live();
        CheckReport scratch = fixture.scratch(CheckerFixture.solutions());
        assertThat(live.mode()).isEqualTo(CheckReport.Mode.LIVE);
        assertThat(live.notJudged()).extracting(TaskResult::title).containsExactly("Insert Bob", "Delete Bob");
        assertThat(live.tasks()).filteredOn(t -> t.status() != TaskResult.Status.NOT_JUDGED)
                .allSatisfy(t -> assertThat(t.passed()).as(t.toString()).isTrue());
        assertThat(live.allRequiredPassed()).isTrue();
        assertThat(scratch.score()).isEqualTo(23);
        assertThat(live.score()).as("Insert Bob (4) and Delete Bob (3) earn nothing live").isEqualTo(23 - 4 - 3);
    }

    /** Doing nothing must earn nothing a task is about: --live cannot see Bob come and go, so it says so and awards nothing. */
    @Test
    void anUntouchedCrmDbEarnsNothingForTheBobTasksAndNamesThem() throws Exception {
        CheckerFixture fixture = new CheckerFixture("crm_live_bob");
        runInCrmDb(fixture);
        CheckReport live = fixture.live();
        assertThat(live.notJudged()).extracting(TaskResult::number).containsExactly(2, 4);
        assertThat(live.notJudged()).allSatisfy(t -> assertThat(t.points()).isZero());
        assertThat(live.score()).as("Alice kept (2) and no other row changed (2): the tasks themselves are not done").isEqualTo(4);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CheckPrinter(new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8), false))
                .print(live, false);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("· not judged live: 2. Insert Bob, 4. Delete Bob (an untouched crm_db passes them too; `./jbang check lesson3` runs your files to judge them)")
                .doesNotContain("Insert Bob  4/4").doesNotContain("Delete Bob  3/3")
                .contains("Progress: 0/2 tasks judged, bonus pending · 4/21 points (+0/2 bonus)")
                .contains("Next: task 1 in your crm_db");
    }

    @Test
    void liveAndScratchAgreeOnWrongWork() throws Exception {
        Path submission = CheckerFixture.overlay(CheckerFixture.SUBMISSIONS.resolve("text-instead-of-varchar"));
        Files.copy(CheckerFixture.SUBMISSIONS.resolve("delete-without-where/04-delete-bob.sql"), submission.resolve("04-delete-bob.sql"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CheckerFixture fixture = new CheckerFixture("crm_live_wrong");
        runInCrmDb(fixture, files(submission));
        CheckReport live = fixture.live();
        CheckReport scratch = fixture.scratch(submission);
        for (String task : new String[] {"01-add-columns", "04-delete-bob"}) {
            TaskResult l = live.tasks().stream().filter(t -> t.taskId().equals(task)).findFirst().orElseThrow();
            TaskResult s = scratch.tasks().stream().filter(t -> t.taskId().equals(task)).findFirst().orElseThrow();
            // Delete Bob's "Bob is gone" passes on an untouched crm_db too, so live it earns nothing; Alice's loss shows either way
            assertThat(l.points()).as(task).isEqualTo(task.equals("04-delete-bob") ? 0 : s.points());
            assertThat(l.firstFailure().orElseThrow().message()).as(task).isEqualTo(s.firstFailure().orElseThrow().message().replace(" (it had 2)", ""));
        }
        assertThat(live.tasks().get(0).firstFailure().orElseThrow().message()).isEqualTo("`first_name` is `text`, the task asks for `varchar(100)`");
        assertThat(live.allRequiredPassed()).isFalse();
    }

    @Test
    void anUntouchedLessonDatabaseEarnsNothingLive() throws Exception {
        CheckerFixture fixture = new CheckerFixture("crm_live_empty");
        CheckReport live = fixture.live();
        assertThat(live.score()).isZero();
        assertThat(live.tasks().get(0).firstFailure().orElseThrow().message()).isEqualTo("there is no table `users` any more");
        runInCrmDb(fixture);
        CheckReport lessonDone = fixture.live();
        assertThat(lessonDone.tasks().get(0).points()).as("only Alice, kept").isEqualTo(2);
        assertThat(lessonDone.tasks().get(2).points()).as("no other row changed: not observable live").isEqualTo(2);
        assertThat(lessonDone.allRequiredPassed()).isFalse();
    }

    @Test
    void liveNeverChangesCrmDb() throws Exception {
        CheckerFixture fixture = new CheckerFixture("crm_live_untouched");
        runInCrmDb(fixture);
        fixture.live();
        try (Connection c = TestDatabase.connect(fixture.crmDb); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*), min(email) FROM users")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo("alice@example.com");
        }
    }
}
