package workbook.checker.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import workbook.Slow;
import workbook.TestDatabase;
import workbook.db.ConnectionInfo;

/** The sandbox on a real PostgreSQL: what its role may not do, how its sessions are lent and reset, and the limits its watch holds. */
@Slow
class SandboxTest {
    private static final SandboxLimits LIMITS = new SandboxLimits(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(5),
            Duration.ofSeconds(3), "16MB", 8 * SandboxLimits.MB, 200, 300, 4 * SandboxLimits.MB);
    private static ConnectionInfo admin;
    private static SandboxRole role;
    private static SandboxWatch watch;
    private static int databases;

    @BeforeAll
    static void makeTheRole() throws Exception {
        admin = TestDatabase.freshDatabase("sandbox_admin");
        role = new SandboxRole("wb_test_sandbox_" + ProcessHandle.current().pid(), SandboxRole.randomPassword());
        adminExecute(role.createSql(LIMITS, true, 6));
        watch = new SandboxWatch(admin);
    }

    @AfterAll
    static void dropTheRole() throws Exception {
        watch.close();
        for (int i = 1; i <= databases; i++) {
            adminExecute("DROP DATABASE IF EXISTS " + admin.database() + "_s" + i + " WITH (FORCE)");
        }
        adminExecute("DROP ROLE " + role.name());
    }

    /** A new database for the sandbox, as check and grade make them: from template0, opened to the role. */
    private static String database() throws SQLException {
        return database(LIMITS);
    }

    private static String database(SandboxLimits limits) throws SQLException {
        String name = admin.database() + "_s" + (++databases);
        adminExecute("CREATE DATABASE " + name + " TEMPLATE template0");
        try (Connection c = TestDatabase.connect(admin.withDatabase(name)); Statement s = c.createStatement()) {
            s.execute(SandboxDatabase.openTo(role.name(), limits));
        }
        return name;
    }

    private static Sandbox sandbox(SandboxLimits limits) {
        return new Sandbox(role, admin, limits, watch, null);
    }

    @Test
    void theRoleHasNothingButLoginAndItsLimits() throws Exception {
        try (Connection c = TestDatabase.connect(admin); Statement a = c.createStatement();
             ResultSet rs = a.executeQuery("SELECT rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls, rolcanlogin,"
                     + " pg_has_role(rolname, 'pg_read_server_files', 'USAGE'), pg_has_role(rolname, 'pg_write_server_files', 'USAGE'),"
                     + " pg_has_role(rolname, 'pg_execute_server_program', 'USAGE'), array_to_string(rolconfig, ','),"
                     + " (SELECT count(*) FROM pg_auth_members WHERE member = r.oid)"
                     + " FROM pg_roles r WHERE rolname = '" + role.name() + "'")) {
            assertThat(rs.next()).isTrue();
            for (int column = 1; column <= 5; column++) {
                assertThat(rs.getBoolean(column)).as("attribute %d", column).isFalse();
            }
            assertThat(rs.getBoolean(6)).isTrue();
            for (int column = 7; column <= 9; column++) {
                assertThat(rs.getBoolean(column)).as("server file/program right %d", column).isFalse();
            }
            assertThat(rs.getString(10)).contains("statement_timeout=2000ms", "lock_timeout=500ms", "idle_in_transaction_session_timeout=5000ms",
                    "temp_file_limit=16MB");
            assertThat(rs.getInt(11)).as("memberships").isZero();
        }
    }

    @Test
    void aRoleAsMadeHasTheExpectedShapeAndItsPasswordIsACheapScramVerifier() throws Exception {
        try (Connection c = TestDatabase.connect(admin); Statement a = c.createStatement()) {
            ResultSet shape = a.executeQuery(role.shapeSql());
            assertThat(shape.next()).isTrue();
            assertThat(shape.getString(1)).isEqualTo(SandboxRole.expectedShape(LIMITS, true, 6));
            ResultSet password = a.executeQuery("SELECT rolpassword FROM pg_authid WHERE rolname = '" + role.name() + "'");
            assertThat(password.next()).isTrue();
            assertThat(password.getString(1)).startsWith("SCRAM-SHA-256$" + RoleSecret.ITERATIONS + ":");
        }
    }

    @Test
    void theChecksSearchPathIsPinnedAndTheFilesIsTheDefault() throws Exception {
        String db = database();
        try (Sandbox sandbox = sandbox(LIMITS)) {
            try (Connection judge = sandbox.judge(db); Statement s = judge.createStatement(); ResultSet rs = s.executeQuery("SHOW search_path")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("pg_catalog,pg_temp");
            }
            try (Connection learner = sandbox.learner(db); Statement s = learner.createStatement(); ResultSet rs = s.executeQuery("SHOW search_path")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("\"$user\", public");
            }
        }
    }

    @Test
    void aSessionHandedBackIsResetAsANewOneWouldBe() throws Exception {
        String db = database();
        try (Sandbox sandbox = sandbox(LIMITS)) {
            int pid;
            try (Connection c = sandbox.learner(db); Statement s = c.createStatement()) {
                s.execute("SET statement_timeout = 0; CREATE TEMP TABLE leftover (i int); PREPARE sneaky AS SELECT 1; LISTEN somewhere");
                pid = backend(s);
            }
            try (Connection c = sandbox.learner(db); Statement s = c.createStatement()) {
                assertThat(backend(s)).as("the same session, reused").isEqualTo(pid);
                assertThat(one(s, "SHOW statement_timeout")).isEqualTo("2s");
                assertThat(one(s, "SELECT count(*) FROM pg_class WHERE relname = 'leftover'")).isEqualTo("0");
                assertThat(one(s, "SELECT count(*) FROM pg_prepared_statements")).isEqualTo("0");
                assertThat(one(s, "SELECT count(*) FROM pg_listening_channels()")).isEqualTo("0");
            }
        }
    }

    @Test
    void hostileStatementsFailAloneAndTheSessionGoesOn() throws Exception {
        Path marker = Path.of("/tmp", "wb-sandbox-pwned-" + ProcessHandle.current().pid());
        String db = database();
        List<String> ran = new ArrayList<>();
        try (Sandbox sandbox = sandbox(LIMITS); Connection c = sandbox.learner(db); Statement s = c.createStatement()) {
            String[] hostile = {
                    "COPY (SELECT 1) TO PROGRAM 'touch " + marker + "'",
                    "COPY (SELECT 1) TO '" + marker + "'",
                    "SELECT pg_read_file('/etc/passwd')",
                    "SELECT lo_import('/etc/passwd')",
                    "SELECT rolpassword FROM pg_authid",
                    "ALTER ROLE " + admin.user() + " PASSWORD 'stolen'",
                    "ALTER ROLE CURRENT_USER SUPERUSER",
                    "SET SESSION AUTHORIZATION " + admin.user(),
                    "SET ROLE " + admin.user(),
                    "DROP DATABASE " + admin.database() + " WITH (FORCE)",
                    "ALTER DATABASE " + admin.database() + " RENAME TO wb_gone",
                    "CREATE ROLE wb_evil SUPERUSER LOGIN",
                    "CREATE DATABASE wb_evil",
                    "CREATE SCHEMA evil",
                    "CREATE EXTENSION IF NOT EXISTS pgcrypto",
                    "ALTER SYSTEM SET fsync = off",
                    "SELECT pg_advisory_lock(42)",
                    "SELECT pg_try_advisory_xact_lock(1, 2)",
                    "SELECT pg_sleep(3600)",
                    "SELECT count(*) FROM generate_series(1, 1000000000)",
            };
            for (String sql : hostile) {
                try {
                    s.execute(sql);
                    ran.add(sql);
                } catch (SQLException e) {
                    assertThat(e.getSQLState()).as(sql).isIn("42501", "57014", "53400");
                }
            }
            assertThat(one(s, "SELECT 1")).as("the session goes on after each refusal").isEqualTo("1");
        }
        assertThat(ran).isEmpty();
        assertThat(marker).doesNotExist();
    }

    @Test
    void theWatchEndsATurnWhoseTimeRanOutEvenInALoopThatCatchesCancels() throws Exception {
        String db = database();
        try (Sandbox sandbox = sandbox(LIMITS); Sandbox.Turn turn = sandbox.startTurn()) {
            Connection c = sandbox.learner(db);
            CompletableFuture<String> run = CompletableFuture.supplyAsync(() -> {
                try (Statement s = c.createStatement()) {
                    s.execute("SET statement_timeout = 0");
                    s.execute("DO $$ BEGIN LOOP BEGIN PERFORM pg_sleep(0.2); EXCEPTION WHEN query_canceled THEN NULL; END; END LOOP; END $$");
                    return "finished";
                } catch (SQLException e) {
                    return e.getSQLState();
                }
            });
            assertThat(run.get(10, TimeUnit.SECONDS)).isIn("57P01", "08006");
            assertThat(sandbox.stopped()).hasValueSatisfying(why -> assertThat(why).isEqualTo("the time limit of 3 s ran out"));
            assertThatThrownBy(() -> sandbox.learner(db)).isInstanceOf(SQLException.class).hasMessageContaining("time limit");
            c.close();
        }
    }

    @Test
    void aTurnOverMeetsNoLateStopAndTheNextTurnStartsAfresh() throws Exception {
        String db = database();
        try (Sandbox sandbox = sandbox(LIMITS)) {
            Sandbox.State first;
            try (Sandbox.Turn turn = sandbox.startTurn()) {
                first = sandbox.state();
            }
            assertThat(sandbox.stop(first.turn(), "late")).isEmpty();
            try (Sandbox.Turn turn = sandbox.startTurn(); Connection c = sandbox.learner(db); Statement s = c.createStatement()) {
                assertThat(sandbox.stopped()).isEmpty();
                assertThat(one(s, "SELECT 1")).isEqualTo("1");
            }
        }
    }

    @Test
    void theWatchEndsAFileThatFillsTheDiskAndTheNextFileStartsAfresh() throws Exception {
        String db = database();
        try (Sandbox sandbox = sandbox(LIMITS); Sandbox.Turn turn = sandbox.startTurn()) {
            long started = System.nanoTime();
            try (Connection c = sandbox.learner(db); Statement s = c.createStatement()) {
                s.execute("SET statement_timeout = 0; SELECT pg_sleep(0.1)"); // the watch measures the database before the file writes
                assertThatThrownBy(() -> s.execute("CREATE TABLE filler (x text); DO $$ BEGIN LOOP"
                        + " INSERT INTO filler SELECT repeat('x', 1000) FROM generate_series(1, 10000); END LOOP; END $$"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("terminat");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(sandbox.takeLimitHit()).hasValueSatisfying(why -> assertThat(why).contains("more than the 8 MB a submission may use"));
            assertThat(sandbox.takeLimitHit()).as("said once").isEmpty();
            assertThat(sandbox.stopped()).isEmpty();
            try (Connection c = sandbox.learner(db); Statement s = c.createStatement()) {
                assertThat(one(s, "SELECT 1")).as("a new session for the next file").isEqualTo("1");
            }
        }
    }

    @Test
    void theWatchEndsAFileHoldingTooManyLocks() throws Exception {
        String db = database(new SandboxLimits(LIMITS.statement(), LIMITS.lock(), LIMITS.idleInTransaction(), LIMITS.overall(),
                LIMITS.tempFileLimit(), LIMITS.diskBytes(), LIMITS.locks(), 2000, LIMITS.receiveBytes()));
        try (Sandbox sandbox = sandbox(LIMITS); Connection c = sandbox.learner(db); Statement s = c.createStatement()) {
            for (int i = 1; i <= 250; i++) {
                s.execute("CREATE TABLE t" + i + " (i int)"); // each in a transaction of its own, so its lock goes at once
            }
            // the turn starts after the tables are made: on a loaded machine making them could take its 3 s
            try (Sandbox.Turn turn = sandbox.startTurn()) {
                assertThatThrownBy(() -> s.execute("SET statement_timeout = 0; DO $$ BEGIN FOR i IN 1..250 LOOP"
                        + " EXECUTE format('LOCK TABLE t%s', i); END LOOP; PERFORM pg_sleep(5); END $$"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("terminat");
                assertThat(sandbox.takeLimitHit()).hasValueSatisfying(why -> assertThat(why).contains("locks at once, more than the 200"));
            }
        }
    }

    @Test
    void theDatabaseRefusesMoreObjectsThanTheLimit() throws Exception {
        String db = database();
        try (Sandbox sandbox = sandbox(LIMITS); Connection c = sandbox.learner(db); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("DO $$ BEGIN FOR i IN 1..20000 LOOP EXECUTE format('CREATE TABLE t%s (i int)', i); END LOOP; END $$"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("more than 300 tables, indexes, types and functions");
            assertThat(one(s, "SELECT count(*) FROM pg_class WHERE relname LIKE 't%' AND oid >= 16384")).as("all rolled back").isEqualTo("0");
            s.execute("CREATE TABLE fine (i int)");
        }
    }

    @Test
    void theFingerprintSeesEverythingARoleMayChangeAboutItself() throws Exception {
        SandboxRole other = new SandboxRole(role.name() + "_fp", SandboxRole.randomPassword());
        adminExecute(other.createSql(LIMITS, true, 2));
        String db = database();
        adminExecuteIn(db, "GRANT USAGE, CREATE ON SCHEMA public TO " + other.name()); // the database is opened to the class's role
        try (Sandbox sandbox = new Sandbox(other, admin, LIMITS, watch, null); Connection c = sandbox.learner(db); Statement s = c.createStatement()) {
            List<String> seen = new ArrayList<>(List.of(fingerprint(other)));
            for (String change : new String[] {
                    "ALTER ROLE CURRENT_USER SET statement_timeout = 0",
                    "ALTER ROLE CURRENT_USER PASSWORD 'chosen-by-the-student'",
                    "GRANT " + other.name() + " TO " + admin.user(),
                    "ALTER ROLE CURRENT_USER RESET statement_timeout"}) {
                s.execute(change);
                String now = fingerprint(other);
                assertThat(seen).as("after %s", change).doesNotContain(now);
                seen.add(now);
            }
        } finally {
            adminExecute("REVOKE " + other.name() + " FROM " + admin.user());
            adminExecuteIn(db, "DROP OWNED BY " + other.name() + " CASCADE");
            adminExecute("DROP ROLE " + other.name());
        }
    }

    @Test
    void aRoleCanNeitherReadNorTouchWhatAnotherRoleMade() throws Exception {
        SandboxRole other = new SandboxRole(role.name() + "_other", SandboxRole.randomPassword());
        adminExecute(other.createSql(LIMITS, true, 2));
        String db = database();
        adminExecuteIn(db, "GRANT USAGE, CREATE ON SCHEMA public TO " + other.name());
        try (Sandbox mine = sandbox(LIMITS); Sandbox theirs = new Sandbox(other, admin, LIMITS, watch, null)) {
            try (Connection c = mine.learner(db); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE users (email text); INSERT INTO users VALUES ('alice@example.com');"
                        + " CREATE FUNCTION public.secret() RETURNS int LANGUAGE sql AS 'SELECT 42'");
            }
            try (Connection c = theirs.learner(db); Statement s = c.createStatement()) {
                for (String sql : new String[] {"SELECT * FROM users", "INSERT INTO users VALUES ('mallory@example.com')",
                        "DELETE FROM users", "DROP TABLE users", "ALTER TABLE users ADD COLUMN x int", "CREATE INDEX ON users (email)",
                        "CREATE OR REPLACE FUNCTION public.secret() RETURNS int LANGUAGE sql AS 'SELECT 0'", "SET ROLE " + role.name()}) {
                    assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
                }
            }
            try (Connection c = mine.learner(db); Statement s = c.createStatement()) {
                assertThat(one(s, "SELECT string_agg(email, ',') FROM users")).isEqualTo("alice@example.com");
            }
        } finally {
            adminExecuteIn(db, "DROP OWNED BY " + other.name() + " CASCADE");
            adminExecute("DROP ROLE " + other.name());
        }
    }

    private static String fingerprint(SandboxRole r) throws SQLException {
        try (Connection c = TestDatabase.connect(admin); Statement s = c.createStatement()) {
            return one(s, r.fingerprintSql());
        }
    }

    private static int backend(Statement s) throws SQLException {
        return Integer.parseInt(one(s, "SELECT pg_backend_pid()"));
    }

    private static String one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void adminExecuteIn(String database, String sql) throws SQLException {
        try (Connection c = TestDatabase.connect(admin.withDatabase(database)); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void adminExecute(String sql) throws SQLException {
        try (Connection c = TestDatabase.connect(admin); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
