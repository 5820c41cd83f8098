package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.TestDatabase;
import workbook.checker.sandbox.SandboxLimits;
import workbook.UserError;
import workbook.db.ConnectionInfo;

/** Who may grade: an instructor's server account that is not a superuser is told so before anything is made. */
class GradingAdminTest {
    @TempDir
    Path work;

    @Test
    void aNonSuperuserIsToldGradingNeedsOneAndNothingIsMade() throws Exception {
        ConnectionInfo superuser = TestDatabase.freshDatabase("not_super");
        String database = superuser.database() + "_instructor";
        try (Connection c = TestDatabase.connect(superuser); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE instructor_nosu LOGIN PASSWORD 'pw' CREATEDB CREATEROLE");
            s.execute("CREATE DATABASE " + database + " OWNER instructor_nosu");
        }
        ConnectionInfo instructor = new ConnectionInfo(superuser.host(), superuser.port(), database, "instructor_nosu", "pw");
        Path submissions = Files.createDirectories(work.resolve("submissions"));
        ClassGradingTest.write(submissions.resolve("alice"), ClassGradingTest.solutions());
        SandboxLimits limits = SandboxLimits.forOverall(Duration.ofSeconds(10));
        GradingProgress quiet = new GradingProgress(new PrintStream(OutputStream.nullOutputStream()), false, 0);

        assertThatThrownBy(() -> GradingRun.grade(ClassGradingTest.HOME, ClassGradingTest.LESSON3, instructor, SubmissionsFolder.scan(submissions),
                work.resolve("grades"), new GradingRun.Settings(1, limits, true), quiet))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("Grading needs a superuser").hasMessageContaining("instructor_nosu is not one");
        try (Connection c = TestDatabase.connect(superuser); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname LIKE 'wbgrade\\_%\\_pool%'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("no grading database made").isZero();
        }
    }
}
