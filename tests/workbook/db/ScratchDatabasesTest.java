package workbook.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import workbook.TestDatabase;

/** Scratch databases for the checker: a clone of a template carries its rows; dropping removes it. */
class ScratchDatabasesTest {

    @Test
    void aCloneOfATemplateHoldsTheTemplatesRowsAndIsIndependent() throws SQLException {
        ConnectionInfo template = TestDatabase.freshDatabase("template");
        Rows.write(template, "alice@example.com");
        ConnectionInfo clone = ScratchDatabases.cloneOf(template, template.database(), template.database() + "_clone");
        assertThat(Rows.read(clone)).containsExactly("alice@example.com");

        Rows.write(clone, "bob@example.com");
        assertThat(Rows.read(template)).containsExactly("alice@example.com");

        ScratchDatabases.drop(template, clone.database());
        assertThat(ServerAdmin.answers(clone)).isFalse();
    }

    @Test
    void anEmptyScratchDatabaseIsOwnedByTheUser() {
        ConnectionInfo server = TestDatabase.freshDatabase("server");
        ConnectionInfo scratch = ScratchDatabases.createEmpty(server, server.database() + "_empty");
        assertThat(ServerAdmin.lessonState(scratch)).isEqualTo(new ServerAdmin.LessonState(false, 0));
    }
}
