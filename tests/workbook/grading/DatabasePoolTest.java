package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import workbook.TestDatabase;
import workbook.checker.run.ReferenceStates;
import workbook.checker.sandbox.SandboxLimits;
import workbook.db.ConnectionInfo;

/**
 * The jobs' databases and roles as grading relies on them: made all or none, a job's role shut out of
 * every other job's database, emptied between two submissions down to nothing of the last one, and a role
 * or database the proof finds changed replaced, never reused.
 */
class DatabasePoolTest {
    private static final ReferenceStates STATES = new ReferenceStates(ClassGradingTest.LESSON3);
    private static final SandboxLimits LIMITS = SandboxLimits.forOverall(Duration.ofSeconds(10));

    @Test
    void aPoolThatFailsHalfWayRemovesWhatItMade() throws Exception {
        ConnectionInfo admin = TestDatabase.freshDatabase("pool_fails");
        String stem = "wbgrade_" + (System.currentTimeMillis() / 1000) + "_poolfail";
        try (Connection c = TestDatabase.connect(admin); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + stem + "_pool3"); // the third job's database cannot be made
        }
        try (GradingServer server = new GradingServer(admin, LIMITS)) {
            assertThatThrownBy(() -> new DatabasePool(server, STATES, 5, stem)).isInstanceOf(SQLException.class).hasMessageContaining("already exists");
        }
        try (Connection c = TestDatabase.connect(admin); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM pg_database WHERE datname LIKE '" + stem + "%'")).as("only the one made in its way").isEqualTo(1);
            assertThat(count(s, "SELECT count(*) FROM pg_roles WHERE rolname LIKE 'wbgrade\\_%'")).isZero();
            s.execute("DROP DATABASE " + stem + "_pool3");
        }
    }

    @Test
    void aJobsRoleCannotConnectToAnotherJobsDatabase() throws Exception {
        ConnectionInfo admin = TestDatabase.freshDatabase("pool_apart");
        try (GradingServer server = new GradingServer(admin, LIMITS); DatabasePool pool = new DatabasePool(server, STATES, 2, server.newName("jobs"))) {
            JobSlot one = pool.lease();
            JobSlot other = pool.lease();
            try (Connection own = one.sandbox().learner(one.name()); Statement s = own.createStatement()) {
                assertThat(count(s, "SELECT count(*) FROM users")).as("its own database holds the lesson's end state").isEqualTo(1);
            }
            assertThatThrownBy(() -> one.sandbox().learner(other.name())).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> other.sandbox().judge(one.name())).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    void betweenTwoSubmissionsNothingOfTheFirstIsLeftAndTheJobIsKept() throws Exception {
        ConnectionInfo admin = TestDatabase.freshDatabase("pool_reset");
        try (GradingServer server = new GradingServer(admin, LIMITS); DatabasePool pool = new DatabasePool(server, STATES, 1, server.newName("jobs"))) {
            JobSlot slot = pool.lease();
            Map<String, Integer> fresh = objects(admin, slot.name());
            try (Connection c = slot.sandbox().learner(slot.name()); Statement s = c.createStatement()) {
                s.execute(String.join(";\n",
                        "CREATE TABLE notes (id int PRIMARY KEY, body text)",
                        "CREATE INDEX ON notes (body)",
                        "CREATE VIEW note_bodies AS SELECT body FROM notes",
                        "CREATE SEQUENCE counter",
                        "CREATE TYPE mood AS ENUM ('happy', 'sad')",
                        "CREATE DOMAIN short_text AS text CHECK (length(VALUE) < 10)",
                        "CREATE FUNCTION twice(i int) RETURNS int LANGUAGE sql AS 'SELECT 2 * i'",
                        "CREATE OPERATOR public.### (LEFTARG = int, RIGHTARG = int, FUNCTION = int4pl)",
                        "CREATE CAST (mood AS int) WITH INOUT",
                        "CREATE AGGREGATE total(int) (SFUNC = int4pl, STYPE = int)",
                        "CREATE COLLATION mine (locale = 'C')",
                        "CREATE TEXT SEARCH CONFIGURATION plain (COPY = simple)",
                        "CREATE STATISTICS notes_stats ON id, body FROM notes",
                        "CREATE RULE no_delete AS ON DELETE TO notes DO INSTEAD NOTHING",
                        "CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'",
                        "CREATE TRIGGER stamping BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION stamp()",
                        "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC",
                        "SELECT lo_create(0)",
                        "COMMENT ON TABLE notes IS 'mine'"));
            }
            assertThat(objects(admin, slot.name())).as("the submission made objects").isNotEqualTo(fresh);
            String role = slot.sandbox().role().name();

            pool.release(slot);
            JobSlot next = pool.lease();

            assertThat(next.name()).as("the database was emptied, not replaced").isEqualTo(slot.name());
            assertThat(next.sandbox().role().name()).as("the role was kept").isEqualTo(role);
            assertThat(objects(admin, next.name())).as("every catalog as the next submission found it before").isEqualTo(fresh);
        }
    }

    @Test
    void aRoleThatChangedItselfIsReplacedAndDropped() throws Exception {
        ConnectionInfo admin = TestDatabase.freshDatabase("pool_role");
        try (GradingServer server = new GradingServer(admin, LIMITS); DatabasePool pool = new DatabasePool(server, STATES, 1, server.newName("jobs"))) {
            JobSlot slot = pool.lease();
            String role = slot.sandbox().role().name();
            try (Connection c = slot.sandbox().learner(slot.name()); Statement s = c.createStatement()) {
                s.execute("ALTER ROLE CURRENT_USER SET statement_timeout = 0");
            }
            pool.release(slot);
            JobSlot next = pool.lease();
            assertThat(next.sandbox().role().name()).isNotEqualTo(role);
            assertThat(next.name()).as("its database, emptied, is kept").isEqualTo(slot.name());
            try (Connection c = TestDatabase.connect(admin); Statement s = c.createStatement()) {
                assertThat(count(s, "SELECT count(*) FROM pg_roles WHERE rolname = '" + role + "'")).isZero();
            }
            try (Connection c = next.sandbox().learner(next.name()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SHOW statement_timeout")) {
                rs.next();
                assertThat(rs.getString(1)).as("the next student's time limit holds").isEqualTo(LIMITS.statement().toMillis() + "ms");
            }
        }
    }

    @Test
    void aDatabaseTheProofFindsNotEmptyIsReplacedAndDropped() throws Exception {
        ConnectionInfo admin = TestDatabase.freshDatabase("pool_leftover");
        try (GradingServer server = new GradingServer(admin, LIMITS); DatabasePool pool = new DatabasePool(server, STATES, 1, server.newName("jobs"))) {
            JobSlot slot = pool.lease();
            // something the role does not own, so its DROP OWNED cannot take it: only the proof can tell
            try (Connection c = TestDatabase.connect(admin.withDatabase(slot.name())); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE public.planted (i int)");
            }
            pool.release(slot);
            JobSlot next = pool.lease();
            assertThat(next.name()).isNotEqualTo(slot.name());
            try (Connection c = TestDatabase.connect(admin); Statement s = c.createStatement()) {
                assertThat(count(s, "SELECT count(*) FROM pg_database WHERE datname = '" + slot.name() + "'")).isZero();
            }
            assertThat(objects(admin, next.name())).doesNotContainKey("pg_class planted");
        }
    }

    /**
     * Every row past initdb's (oid 16384 on) in every catalog of {@code database} that has oids, counted by
     * catalog, and the names of its relations: read without the proof the pool runs, so it checks that too.
     */
    private static Map<String, Integer> objects(ConnectionInfo admin, String database) throws SQLException {
        Map<String, Integer> found = new TreeMap<>();
        try (Connection c = TestDatabase.connect(admin.withDatabase(database)); Statement s = c.createStatement()) {
            List<String> catalogs = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'oid'"
                    + " WHERE c.relnamespace = 'pg_catalog'::regnamespace AND c.relkind = 'r' AND NOT c.relisshared")) {
                while (rs.next()) {
                    catalogs.add(rs.getString(1));
                }
            }
            for (String catalog : catalogs) {
                found.put(catalog, count(s, "SELECT count(*) FROM pg_catalog." + catalog + " WHERE oid >= 16384"));
            }
            try (ResultSet rs = s.executeQuery("SELECT relname FROM pg_class WHERE oid >= 16384 AND relname !~ '^pg_toast_'")) {
                while (rs.next()) {
                    found.merge("pg_class " + rs.getString(1), 1, Integer::sum);
                }
            }
        }
        return found;
    }

    private static int count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
