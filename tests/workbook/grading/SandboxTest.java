package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
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
import workbook.TestDatabase;
import workbook.db.ConnectionInfo;

class SandboxTest {
    private static ConnectionInfo admin;
    private static GradingServer server;
    private static String template;

    @BeforeAll
    static void start() throws Exception {
        admin = TestDatabase.freshDatabase("grading_admin");
        ConnectionInfo source = TestDatabase.freshDatabase("lesson_end");
        try (Connection c = TestDatabase.connect(source); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (id UUID PRIMARY KEY DEFAULT gen_random_uuid(), email VARCHAR(255) UNIQUE NOT NULL,"
                    + " password_hash VARCHAR(255) NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(), updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW())");
            s.execute("INSERT INTO users (email, password_hash) VALUES ('alice@example.com', 'x')");
        }
        SandboxLimits limits = new SandboxLimits(Duration.ofMillis(700), Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(5), "16MB");
        server = new GradingServer(admin, limits);
        template = server.templateFrom(source.database());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theSubmissionsRoleHasNoPowerBeyondItsOwnTable() throws Exception {
        try (Sandbox sandbox = server.openSandbox(); Connection adminConnection = TestDatabase.connect(admin); Statement a = adminConnection.createStatement()) {
            ResultSet rs = a.executeQuery("SELECT rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls, rolcanlogin,"
                    + " pg_has_role(rolname, 'pg_read_server_files', 'USAGE'), pg_has_role(rolname, 'pg_write_server_files', 'USAGE'),"
                    + " pg_has_role(rolname, 'pg_execute_server_program', 'USAGE'), array_to_string(rolconfig, ',')"
                    + " FROM pg_roles WHERE rolname = '" + sandbox.role() + "'");
            assertThat(rs.next()).isTrue();
            for (int column = 1; column <= 5; column++) {
                assertThat(rs.getBoolean(column)).as("attribute %d", column).isFalse();
            }
            assertThat(rs.getBoolean(6)).isTrue();
            for (int column = 7; column <= 9; column++) {
                assertThat(rs.getBoolean(column)).as("server file/program right %d", column).isFalse();
            }
            assertThat(rs.getString(10)).contains("statement_timeout=700ms", "lock_timeout=500ms", "idle_in_transaction_session_timeout=5000ms", "temp_file_limit=16MB");
        }
    }

    @Test
    void theRolesPasswordIsStoredAsACheapScramVerifierAndLogsIn() throws Exception {
        try (Sandbox sandbox = server.openSandbox(); Connection adminConnection = TestDatabase.connect(admin); Statement a = adminConnection.createStatement()) {
            String db = sandbox.cloneOf(template);
            ResultSet rs = a.executeQuery("SELECT rolpassword FROM pg_authid WHERE rolname = '" + sandbox.role() + "'");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("SCRAM-SHA-256$" + RoleSecret.ITERATIONS + ":");
            try (Connection c = sandbox.connect(db); Statement s = c.createStatement(); ResultSet who = s.executeQuery("SELECT current_user")) {
                assertThat(who.next()).isTrue();
                assertThat(who.getString(1)).isEqualTo(sandbox.role());
            }
        }
    }

    @Test
    void theTasksStatementsWorkAsTheSubmissionsRole() throws Exception {
        try (Sandbox sandbox = server.openSandbox()) {
            String db = sandbox.cloneOf(template);
            try (Connection c = sandbox.connect(db); Statement s = c.createStatement()) {
                s.execute("ALTER TABLE users ADD COLUMN first_name VARCHAR(100) NOT NULL DEFAULT 'x', ADD COLUMN phone_number VARCHAR(20) UNIQUE");
                s.execute("INSERT INTO users (email, password_hash, first_name) VALUES ('bob@example.com', 'y', 'Bob')");
                s.execute("UPDATE users SET first_name = 'Alicia', updated_at = NOW() WHERE email = 'alice@example.com'");
                s.execute("DELETE FROM users WHERE email = 'bob@example.com'");
                s.execute("CREATE INDEX users_lower_email ON users (lower(email))");
                s.execute("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at = now(); RETURN NEW; END $$");
                s.execute("CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch()");
                ResultSet rs = s.executeQuery("SELECT first_name FROM users");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Alicia");
            }
        }
    }

    @Test
    void hostileStatementsFailAloneAndLeaveNoTrace() throws Exception {
        Path marker = Path.of("/tmp", "wbgrade-pwned-" + ProcessHandle.current().pid());
        int rolesBefore = count("SELECT count(*) FROM pg_roles");
        List<String> failures = new ArrayList<>();
        try (Sandbox sandbox = server.openSandbox()) {
            String db = sandbox.cloneOf(template);
            try (Connection c = sandbox.connect(db); Statement s = c.createStatement()) {
                String[] hostile = {
                        "COPY (SELECT 1) TO PROGRAM 'touch " + marker + "'",
                        "COPY users TO '" + marker + "'",
                        "SELECT pg_read_file('/etc/passwd')",
                        "SELECT lo_import('/etc/passwd')",
                        "SELECT rolpassword FROM pg_authid",
                        "ALTER ROLE " + admin.user() + " PASSWORD 'stolen'",
                        "ALTER ROLE CURRENT_USER SUPERUSER",
                        "SET ROLE " + GradingServer.OWNER_ROLE,
                        "ALTER ROLE " + GradingServer.OWNER_ROLE + " LOGIN",
                        "RESET ROLE",
                        "DROP DATABASE " + admin.database(),
                        "CREATE ROLE wbgrade_evil SUPERUSER LOGIN",
                        "CREATE DATABASE wbgrade_evil",
                        "CREATE EXTENSION IF NOT EXISTS pgcrypto",
                        "ALTER SYSTEM SET fsync = off",
                        "SELECT pg_sleep(3600)",
                        "SELECT count(*) FROM generate_series(1, 1000000000)",
                };
                for (String sql : hostile) {
                    try {
                        s.execute(sql);
                        // SET ROLE to the owner role and RESET ROLE are allowed: the owner role is no more than the student
                        if (!sql.startsWith("SET ROLE") && !sql.startsWith("RESET ROLE")) {
                            failures.add("ran: " + sql);
                        }
                    } catch (SQLException e) {
                        assertThat(e.getSQLState()).as(sql).isIn("42501", "57014", "53400", "55006", "58P01", "0A000", "42883");
                    }
                }
                ResultSet rs = s.executeQuery("SELECT count(*) FROM users");
                rs.next();
                assertThat(rs.getInt(1)).as("the session goes on after each refusal").isEqualTo(1);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(marker).doesNotExist();
        assertThat(count("SELECT count(*) FROM pg_roles")).isEqualTo(rolesBefore);
        assertThat(count("SELECT count(*) FROM pg_roles WHERE rolsuper AND rolname LIKE 'wbgrade%'")).isZero();
    }

    @Test
    void stoppingEndsEvenALoopThatCatchesCancels() throws Exception {
        try (Sandbox sandbox = server.openSandbox()) {
            String db = sandbox.cloneOf(template);
            Connection c = sandbox.connect(db);
            CompletableFuture<String> run = CompletableFuture.supplyAsync(() -> {
                try (Statement s = c.createStatement()) {
                    s.execute("SET statement_timeout = 0");
                    s.execute("DO $$ BEGIN LOOP BEGIN PERFORM pg_sleep(0.2); EXCEPTION WHEN query_canceled THEN NULL; END; END LOOP; END $$");
                    return "finished";
                } catch (SQLException e) {
                    return e.getSQLState();
                }
            });
            Thread.sleep(500);
            sandbox.stop();
            assertThat(run.get(10, TimeUnit.SECONDS)).isIn("57P01", "08006");
            assertThatThrownBy(() -> sandbox.connect(db)).isInstanceOf(SQLException.class).hasMessageContaining("time is up");
            c.close();
        }
    }

    @Test
    void closingDropsTheDatabasesAndTheRole() throws Exception {
        Sandbox sandbox = server.openSandbox();
        String db = sandbox.cloneOf(template);
        Connection left = sandbox.connect(db); // a session the submission left open
        sandbox.close();
        assertThat(count("SELECT count(*) FROM pg_database WHERE datname = '" + db + "'")).isZero();
        assertThat(count("SELECT count(*) FROM pg_roles WHERE rolname = '" + sandbox.role() + "'")).isZero();
        left.close();
    }

    @Test
    void aSubmissionCannotConnectToAnothersDatabase() throws Exception {
        try (Sandbox one = server.openSandbox(); Sandbox other = server.openSandbox()) {
            String db = one.cloneOf(template);
            other.cloneOf(template);
            assertThatThrownBy(() -> other.connect(db)).isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
    }

    private static int count(String sql) throws SQLException {
        try (Connection c = TestDatabase.connect(admin); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
