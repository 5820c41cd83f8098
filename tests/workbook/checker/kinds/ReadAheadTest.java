package workbook.checker.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import workbook.TestDatabase;
import workbook.WorkbookHome;
import workbook.checker.result.CheckResult;
import workbook.checker.run.TaskJudge;
import workbook.checker.task.CheckSpec;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;
import workbook.checker.TaskSetReader;

/**
 * The read-ahead on lesson3's real checks: one round trip for what a task's checks read, and the very
 * verdicts of reading lazily, also when a condition cannot run (a column or the table dropped).
 */
class ReadAheadTest {
    private static final TaskSet LESSON3 = TaskSetReader.forLesson(WorkbookHome.locate(), "lesson3");

    private Connection plain;
    private Handle lazy;
    private final String counted = "readahead-" + System.nanoTime();
    private Handle ahead;

    @BeforeEach
    void lessonEndState() throws Exception {
        var db = TestDatabase.freshDatabase("readahead");
        plain = TestDatabase.connect(db);
        lazy = Jdbi.open(plain);
        ahead = Jdbi.open(RoundTripCounter.connect(db, counted));
        run(Files.readString(LESSON3.setupFile()));
    }

    @AfterEach
    void close() {
        ahead.close();
        lazy.close();
    }

    /** What judging a task cost, and what it found, each way. */
    private record Judged(List<CheckResult> lazily, List<CheckResult> readAhead, int roundTrips) {
    }

    @Test
    void eachTaskOfTheReferenceSolutionIsJudgedInOneRoundTrip() throws Exception {
        for (Task task : LESSON3.tasks()) {
            Optional<TableSnapshot> before = snapshot(task);
            run(Files.readString(LESSON3.solutionFile(task)));
            Judged judged = judge(task, before);
            assertThat(judged.readAhead()).as(task.id()).allMatch(CheckResult::passed);
            assertThat(judged.readAhead()).as(task.id()).isEqualTo(judged.lazily());
            assertThat(judged.roundTrips()).as(task.id()).isEqualTo(1);
        }
    }

    @Test
    void wrongAnswersAreJudgedInOneRoundTripWithTheLazyVerdicts() throws Exception {
        List<String> wrong = List.of(
                "ALTER TABLE users ADD COLUMN first_name TEXT, ADD COLUMN last_name VARCHAR(100) NOT NULL DEFAULT 'x', "
                        + "ADD COLUMN phone_number VARCHAR(20), ADD COLUMN is_active BOOLEAN",
                "INSERT INTO users (email, password_hash, first_name, last_name) VALUES ('bob@example.com', 'h', 'Bob', 'B')",
                "UPDATE users SET first_name = 'Alicia'", // no WHERE, updated_at left behind
                "DELETE FROM users",
                "CREATE INDEX ON users (phone_number)");
        for (int i = 0; i < wrong.size(); i++) {
            Task task = LESSON3.tasks().get(i);
            Optional<TableSnapshot> before = snapshot(task);
            run(wrong.get(i));
            Judged judged = judge(task, before);
            assertThat(judged.readAhead()).as(task.id()).anyMatch(r -> !r.passed());
            assertThat(judged.readAhead()).as(task.id()).isEqualTo(judged.lazily());
            assertThat(judged.roundTrips()).as(task.id()).isEqualTo(1);
        }
    }

    @Test
    void aConditionOnADroppedColumnFallsBackToTheLazyReadsAndTheirVerdicts() throws Exception {
        Task addColumns = LESSON3.tasks().get(0);
        Optional<TableSnapshot> before = snapshot(addColumns);
        run("ALTER TABLE users DROP COLUMN email");
        Judged judged = judge(addColumns, before);
        assertThat(judged.readAhead()).isEqualTo(judged.lazily());
        assertThat(judged.readAhead()).extracting(CheckResult::message).contains("could not check it: column \"email\" does not exist");
        assertThat(judged.roundTrips()).as("the failed read-ahead, then the lazy reads").isGreaterThan(1);
    }

    @Test
    void aDroppedTableFallsBackToTheLazyReadsAndTheirVerdicts() throws Exception {
        for (Task task : LESSON3.tasks().subList(0, 2)) {
            run(Files.readString(LESSON3.solutionFile(task)));
        }
        Task update = LESSON3.tasks().get(2);
        Optional<TableSnapshot> before = snapshot(update);
        run("DROP TABLE users");
        Judged judged = judge(update, before);
        assertThat(judged.readAhead()).isEqualTo(judged.lazily());
        assertThat(judged.readAhead()).extracting(CheckResult::message).contains("there is no table `users` any more");
        assertThat(judged.roundTrips()).as("the failed read-ahead, then the lazy reads").isGreaterThan(1);
        for (Task catalogOnly : List.of(LESSON3.tasks().get(0), LESSON3.tasks().get(4))) {
            Judged columnsOrIndexes = judge(catalogOnly, before);
            assertThat(columnsOrIndexes.readAhead()).as(catalogOnly.id()).isEqualTo(columnsOrIndexes.lazily());
            // advice worth no points (ColumnKeepsNoDefault) has nothing to say about a missing table
            assertThat(columnsOrIndexes.readAhead()).as(catalogOnly.id()).noneMatch(c -> c.passed() && c.max() > 0);
        }
    }

    @Test
    void liveModeReadsEveryTaskInOneRoundTrip() throws Exception {
        for (Task task : LESSON3.tasks()) {
            run(Files.readString(LESSON3.solutionFile(task)));
        }
        List<CheckResult> lazily = new ArrayList<>();
        Inspection plainLook = inspection(lazy, Optional.empty(), true);
        LESSON3.tasks().forEach(task -> lazily.addAll(TaskJudge.judge(task, plainLook)));

        RoundTripCounter.reset(counted);
        Inspection look = inspection(ahead, Optional.empty(), true);
        look.readAhead(LESSON3.tasks().stream().flatMap(task -> task.checks().stream()).toList());
        List<CheckResult> readAhead = new ArrayList<>();
        LESSON3.tasks().forEach(task -> readAhead.addAll(TaskJudge.judge(task, look)));
        assertThat(readAhead).isEqualTo(lazily);
        assertThat(RoundTripCounter.roundTrips(counted)).isEqualTo(1);
    }

    private Judged judge(Task task, Optional<TableSnapshot> before) {
        List<CheckResult> lazily = TaskJudge.judge(task, inspection(lazy, before, false));
        RoundTripCounter.reset(counted);
        Inspection look = inspection(ahead, before, false);
        look.readAhead(task.checks());
        List<CheckResult> readAhead = TaskJudge.judge(task, look);
        return new Judged(lazily, readAhead, RoundTripCounter.roundTrips(counted));
    }

    private static Inspection inspection(Handle handle, Optional<TableSnapshot> before, boolean live) {
        return new Inspection(handle, before, live, LESSON3.table(), LESSON3.key(), LESSON3.labelColumn());
    }

    private Optional<TableSnapshot> snapshot(Task task) {
        Set<String> conditions = new LinkedHashSet<>();
        task.checks().stream().map(CheckSpec::where).filter(w -> w != null).forEach(conditions::add);
        return TableSnapshot.take(lazy, LESSON3.table(), LESSON3.key(), conditions);
    }

    private void run(String sql) throws Exception {
        try (Statement statement = plain.createStatement()) {
            statement.execute(sql);
        }
    }
}
