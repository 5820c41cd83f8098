package workbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import workbook.TestDatabase;
import workbook.db.ConnectionInfo;

/** The real lesson, run the way an instructor or CI runs it: every cell, twice, on a fresh crm_db. */
class Lesson3RunTest {

    @Test
    void runAllOfLesson3CompletesWithAlicesRowAndRunsAgainWithoutHarm() {
        ConnectionInfo db = TestDatabase.freshDatabase("lesson3_run");
        LessonRun first = LessonRun.ofFile("lesson3", db, "--run-all");

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output())
                .containsPattern("\\| alice@example\\.com \\| placeholder_hash_not_a_real_one \\|")
                .contains("CREATE TABLE", "INSERT 0 1")
                .contains("duplicate key value violates unique constraint \"users_email_key\"")
                .contains("[\"alice@example.com\"]")
                .doesNotContain("steps failed");

        LessonRun second = LessonRun.ofFile("lesson3", db, "--run-all");
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("Already there from an earlier run, kept", "./jbang db reset")
                .containsPattern("\\| alice@example\\.com \\| placeholder_hash_not_a_real_one \\|");
    }
}
