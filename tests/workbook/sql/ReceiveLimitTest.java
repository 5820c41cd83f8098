package workbook.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import workbook.FileTrees;
import workbook.Slow;
import workbook.TestDatabase;
import workbook.cli.CommandJvm;
import workbook.db.ConnectionInfo;
import workbook.sql.ScriptRunner.StopRule;
import workbook.sql.StatementOutcome.Failed;

/**
 * A receive limit against a real PostgreSQL: a normal session never meets it, and each way a student can make
 * the server send too much ends that student's session quickly while a grader with a small heap lives on.
 */
@Slow
class ReceiveLimitTest {
    private static final long MB = 1 << 20;
    private static final String ENDED = "the server sent it more than 1 MB (rows, notices, notifications), the limit";

    private final ConnectionInfo info = TestDatabase.freshDatabase("receive");

    @Test
    void aSessionOfManySmallStatementsWithResetsBetweenFilesNeverTrips() throws Exception {
        ReceiveLimit.Limited limited = connect(MB, "default");
        ReceiveLimit limit = limited.limit();
        try (Connection connection = limited.connection()) {
            long total = 0;
            for (int file = 1; file <= 20; file++) {
                List<StatementRun> runs = ScriptRunner.run(connection, """
                        CREATE TABLE IF NOT EXISTS users (id serial PRIMARY KEY, email text UNIQUE, name text);
                        INSERT INTO users (email, name) SELECT 'u' || i || '-%1$d@x', repeat('n', 50) FROM generate_series(1, 100) i;
                        SELECT *, repeat('y', 500) AS padding FROM users ORDER BY id DESC LIMIT 500;
                        UPDATE users SET name = upper(name) WHERE id %% 7 = %1$d %% 7;
                        DO $$ BEGIN RAISE NOTICE 'file %% done', %1$d; END $$;
                        LISTEN progress;
                        NOTIFY progress, 'file %1$d';
                        SELECT count(*) FROM users;
                        """.formatted(file), StopRule.NEVER);
                assertThat(runs).as("file " + file).noneMatch(StatementRun::failed);
                assertThat(connection.unwrap(PGConnection.class).getNotifications()).hasSize(1);
                assertThat(StatementExecutor.execute(connection, "NOTIFY progress, 'left for the reset'"))
                        .isEqualTo(new StatementOutcome.Done("NOTIFY", 0));
                total += limit.received();

                limit.reset(connection);

                assertThat(limit.received()).isZero();
                assertThat(connection.unwrap(PGConnection.class).getNotifications()).as("drained by the reset").isEmpty();
                assertThat((Throwable) connection.getWarnings()).isNull();
            }
            assertThat(total).as("what the resets allowed in all").isGreaterThan(3 * MB);
            assertThat(limit.exceeded()).isFalse();
            assertThat(limit.reason()).isNull();
            assertThat(limit.bytes()).isEqualTo(MB);
        }
    }

    @Test
    void withoutAResetTheSessionEndsWhenItsTotalPassesTheLimit() throws Exception {
        ReceiveLimit.Limited limited = connect(MB, "default");
        ReceiveLimit limit = limited.limit();
        List<StatementOutcome> outcomes = new ArrayList<>();
        try (Connection connection = limited.connection()) {
            for (int i = 0; i < 5; i++) {
                outcomes.add(StatementExecutor.execute(connection, "SELECT repeat('x', 300000)"));
            }
            assertThat(outcomes.subList(0, 3)).allMatch(StatementOutcome.Rows.class::isInstance);
            assertThat(outcomes.get(3)).isInstanceOfSatisfying(Failed.class, failed -> {
                assertThat(failed.sqlState()).isEqualTo("08006");
                assertThat(failed.connectionLost()).isTrue();
            });
            assertThat(limit.exceeded()).isTrue();
            assertThat(limit.reason()).isEqualTo(ENDED);
            assertThat(limit.received()).as("the refused message was never charged").isLessThan(MB);
            assertThat(connection.isClosed()).isTrue();
            assertThat(((Failed) outcomes.get(4)).sqlState()).isEqualTo("08003");

            limit.reset(connection);
            assertThat(limit.exceeded()).as("an ended session stays ended").isTrue();
        }
    }

    @Test
    void theLimitFramesTheServersAnswerNToSslRequestAndASessionWithoutSsl() throws Exception {
        for (String sslmode : List.of("default", "prefer", "disable")) {
            ReceiveLimit.Limited limited = connect(MB, sslmode);
            try (Connection connection = limited.connection();
                 ResultSet rs = connection.createStatement().executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).as("the test server has no TLS: it answers 'N'").isFalse();
                assertThat(StatementExecutor.execute(connection, "SELECT repeat('x', 2000000)")).as(sslmode)
                        .isInstanceOfSatisfying(Failed.class, failed -> assertThat(failed.sqlState()).isEqualTo("08006"));
                assertThat(limited.limit().reason()).isEqualTo(ENDED);
            }
        }
    }

    @Test
    void eachConnectionCountsOnItsOwn() throws Exception {
        ReceiveLimit.Limited first = connect(MB, "default");
        ReceiveLimit.Limited second = connect(MB, "default");
        try (Connection a = first.connection(); Connection b = second.connection()) {
            StatementExecutor.execute(a, "SELECT repeat('x', 2000000)");
            assertThat(first.limit().exceeded()).isTrue();
            assertThat(second.limit().exceeded()).isFalse();
            assertThat(StatementExecutor.execute(b, "SELECT repeat('x', 500000)")).isInstanceOf(StatementOutcome.Rows.class);
        }
    }

    @Test
    void aCancelRequestGoesThroughTheLimitedSocketsAndStillWorks() throws Exception {
        ReceiveLimit.Limited limited = connect(MB, "default");
        try (Connection connection = limited.connection()) {
            CompletableFuture<StatementOutcome> sleeping = CompletableFuture.supplyAsync(
                    () -> StatementExecutor.execute(connection, "SELECT pg_sleep(30)"));
            TestDatabase.awaitRunning(info, "SELECT pg_sleep(30)", Duration.ofSeconds(10));
            StatementExecutor.cancel(connection);
            assertThat(sleeping.get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(Failed.class,
                    failed -> assertThat(failed.sqlState()).isEqualTo("57014"));
            assertThat(limited.limit().exceeded()).isFalse();
            assertThat(StatementExecutor.execute(connection, "SELECT 1")).isInstanceOf(StatementOutcome.Rows.class);
        }
    }

    @Test
    void aLimitIsGivenOnlyToTheConnectionThatAskedForIt() {
        Properties properties = properties("default");
        properties.setProperty("socketFactory", LimitedSocketFactory.class.getName());
        properties.setProperty("socketFactoryArg", "a-guessed-id");
        try (Connection c = DriverManager.getConnection(info.jdbcUrl(), properties)) {
            throw new AssertionError("connected without a limit: " + c);
        } catch (SQLException e) {
            assertThat(e.getMessage()).contains("could not be instantiated");
        }
    }

    /**
     * Under TLS the gate sees only ciphertext after the server's 'S': it counts the raw bytes, so a session
     * whose total passes the limit still ends (one big message, though, is allocated before it is counted).
     */
    @Test
    void underTlsTheRawBytesAreCountedAndTheSessionStillEnds() throws Exception {
        Path folder = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "tls-");
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", folder.resolve("server.crt").toString())
                .setServerConfig("ssl_key_file", selfSignedKeyPair(folder).toString()).start()) {
            Properties properties = new Properties();
            properties.setProperty("user", "postgres");
            ReceiveLimit.Limited limited = ReceiveLimit.connect(server.getJdbcUrl("postgres", "postgres"), properties, MB);
            try (Connection connection = limited.connection()) {
                assertThat(StatementExecutor.execute(connection, "SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()"))
                        .isEqualTo(new StatementOutcome.Rows(List.of("ssl"), List.of("text"), List.of(List.of("true")), 1, false));
                assertThat(StatementExecutor.execute(connection, "SELECT repeat('x', 100000) FROM generate_series(1, 100)"))
                        .isInstanceOfSatisfying(Failed.class, failed -> assertThat(failed.sqlState()).isEqualTo("08006"));
                assertThat(limited.limit().reason()).isEqualTo(ENDED);
            }
        } finally {
            FileTrees.deleteTree(folder);
        }
    }

    /** Writes server.crt and server.key (PEM, as PostgreSQL reads them) for localhost; returns the key's path. */
    private static Path selfSignedKeyPair(Path folder) throws Exception {
        Path store = folder.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "pg", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "secret")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as(output).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "secret".toCharArray());
        }
        Files.writeString(folder.resolve("server.crt"), pem("CERTIFICATE", keys.getCertificate("pg").getEncoded()));
        Path key = folder.resolve("server.key");
        Files.writeString(key, pem("PRIVATE KEY", keys.getKey("pg", "secret".toCharArray()).getEncoded()));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------")); // PostgreSQL refuses a readable key
        return key;
    }

    private static String pem(String kind, byte[] der) {
        return "-----BEGIN " + kind + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + kind + "-----\n";
    }

    /**
     * The grader's JVM, with 64 MB of heap and a 4 MB limit, meets every attack; each ends its session within
     * seconds (the server's own work producing 100 MB is most of it), and messages just under the limit pass.
     * With no limit (0) the same JVM dies of OutOfMemoryError on each attack but the single value, which
     * pgjdbc survives by itself (it skips a row it cannot allocate); a test cannot expect that, so it is not one.
     */
    @Test
    void aGraderWithA64MegabyteHeapSurvivesEveryAttackAndEachEndsOnlyThatSession() throws Exception {
        List<String> attacks = List.of("rows", "value", "notice", "error", "notifications", "tiny-notices", "tiny-notifications");
        // pgjdbc's default sslmode: the server's 'N' to its SSLRequest comes before the framed messages
        List<String> verdicts = child("default", concat(attacks, List.of("big-value", "big-notice", "big-error")));

        String ended = ENDED.replace("1 MB", "4 MB");
        for (String attack : attacks) {
            assertThat(verdicts).as(attack).anyMatch(v -> v.startsWith("attack=" + attack + " "));
        }
        for (String verdict : verdicts) {
            if (verdict.startsWith("attack=big-")) {
                assertThat(verdict).as("a message just under the limit passes").contains(" exceeded=false closed=false ");
            } else {
                assertThat(verdict).contains(" state=08006 exceeded=true closed=true ").endsWith(" reason=" + ended);
                assertThat(Long.parseLong(verdict.replaceAll(".* ms=(\\d+) .*", "$1"))).as(verdict).isLessThan(60_000);
            }
        }
    }

    /** Verdict lines of a {@link ReceiveLimitChild} run with a 64 MB heap, which must end normally. */
    private List<String> child(String sslmode, List<String> attacks) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(CommandJvm.command(List.of("-Xmx64m"), ReceiveLimitChild.class.getName(),
                info.host(), String.valueOf(info.port()), info.database(), info.user(), info.password(),
                String.valueOf(4 * MB), sslmode));
        command.addAll(attacks);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        List<String> verdicts = new ArrayList<>(output.lines().filter(l -> l.startsWith("attack=")).toList());
        assertThat(verdicts).as(output).hasSize(attacks.size());
        return verdicts;
    }

    private ReceiveLimit.Limited connect(long bytes, String sslmode) throws SQLException {
        return ReceiveLimit.connect(info.jdbcUrl(), properties(sslmode), bytes);
    }

    private Properties properties(String sslmode) {
        Properties properties = new Properties();
        properties.setProperty("user", info.user());
        properties.setProperty("password", info.password());
        if (!sslmode.equals("default")) {
            properties.setProperty("sslmode", sslmode);
        }
        return properties;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
