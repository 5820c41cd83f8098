package workbook.db;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import workbook.ExitCode;
import workbook.Slow;
import workbook.cli.CommandJvm;
import workbook.cli.CommandJvm.Run;


/**
 * `db` as a learner runs it: each command in a JVM of its own (as `./jbang db ...` does), against a
 * temporary checkout, so what is checked is what a person sees: stdout, stderr, exit code, and that the
 * server outlives the command that started it.
 */
@Slow
class DbCommandTest {
    private static Path home;
    private static int port;

    @BeforeAll
    static void checkout() throws IOException {
        home = TestSettings.checkout("cli");
        port = FreePorts.anyFree();
    }

    @AfterAll
    static void stopServer() throws Exception {
        db("down", "--db", "embedded");
    }

    static Run db(String... args) throws IOException, InterruptedException {
        return await(start(home, port, args));
    }

    static Process start(Path home, int port, String... args) throws IOException {
        return start(home, port, Map.of(), args);
    }

    static Process start(Path home, int port, Map<String, String> extraEnv, String... args) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("WORKBOOK_HOME", home.toString());
        env.put("WORKBOOK_DB_PORT", Integer.toString(port));
        env.put("WORKBOOK_PG_BINARIES", Path.of("target", "pg-binaries").toAbsolutePath().toString());
        env.put("WORKBOOK_DOCKER_CONTAINER", "crm-postgres-test-cli");
        env.putAll(extraEnv);
        return CommandJvm.start("Db", env, args);
    }

    static Run await(Process process) throws IOException, InterruptedException {
        return CommandJvm.await(process);
    }

    @Test
    void theLifeOfAnEmbeddedServerFromUpToDown() throws Exception {
        Run up = db("up", "--db", "embedded");
        assertThat(up.exit()).as(up.err()).isZero();
        assertThat(up.out()).contains("✓ Created and started the embedded PostgreSQL 14 in .workbook/postgres-data on port " + port,
                "JDBC URL: jdbc:postgresql://localhost:" + port + "/crm_db",
                "psql -h localhost -p " + port + " -U crmuser -d crm_db");
        assertThat(up.err()).contains("Starting the embedded PostgreSQL 14").doesNotContain("SLF4J", "INFO", "WARN");

        ConnectionInfo crmDb = ConnectionInfo.lesson("localhost", port);
        assertThat(ServerAdmin.answers(crmDb)).as("the server outlives the JVM that started it").isTrue();
        try (var c = ServerAdmin.connect(crmDb, 5)) {
            c.createStatement().execute("CREATE TABLE users (email text); INSERT INTO users VALUES ('alice@example.com')");
        }

        Run status = db("status");
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("embedded — the workbook started it here before", "answers", "users table present, 1 row");
        assertThat(status.err()).isEmpty();

        Run url = db("url");
        assertThat(url.out()).isEqualTo("jdbc:postgresql://localhost:" + port + "/crm_db" + System.lineSeparator());

        Run reset = db("reset");
        assertThat(reset.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(reset.err().lines()).hasSize(1).first().asString().startsWith("error: ").contains("--yes");
        assertThat(ServerAdmin.lessonState(crmDb).users()).as("nothing deleted without confirmation").isEqualTo(1);

        Run down = db("down");
        assertThat(down.exit()).isZero();
        assertThat(down.out()).contains("Stopped the embedded PostgreSQL");
        assertThat(ServerAdmin.answers(crmDb)).isFalse();

        Run stopped = db("status");
        assertThat(stopped.exit()).isEqualTo(ExitCode.ENVIRONMENT);
        assertThat(stopped.out()).contains("not answering; start it with `./jbang db up`");

        Run again = db("up");
        assertThat(again.out()).contains("Started the embedded PostgreSQL 14 in .workbook/postgres-data on port " + port + ".");
        assertThat(ServerAdmin.lessonState(crmDb).users()).as("data kept across down/up").isEqualTo(1);

        Run resetYes = db("reset", "--yes");
        assertThat(resetYes.exit()).isZero();
        assertThat(ServerAdmin.lessonState(crmDb).usersTable()).isFalse();

        Run purgeUnconfirmed = db("down", "--purge");
        assertThat(purgeUnconfirmed.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(home.resolve(".workbook/postgres-data/PG_VERSION")).exists();
        Run purge = db("down", "--purge", "--yes");
        assertThat(purge.out()).contains("Stopped the embedded PostgreSQL and removed its data folder .workbook/postgres-data");
        assertThat(home.resolve(".workbook/postgres-data")).doesNotExist();
    }

    @Test
    void twoCommandsStartedTogetherShareOneServer() throws Exception {
        Path own = TestSettings.checkout("cli-race");
        int ownPort = FreePorts.anyFree();
        Process first = start(own, ownPort, "up", "--db", "embedded");
        Process second = start(own, ownPort, "up", "--db", "embedded");
        try {
            Run a = await(first);
            Run b = await(second);
            assertThat(a.exit()).as(a.err()).isZero();
            assertThat(b.exit()).as(b.err()).isZero();
            assertThat(a.out() + b.out()).contains("Created and started the embedded PostgreSQL 14", "on port " + ownPort);
            assertThat(a.out() + b.out()).containsOnlyOnce("Created and started");
        } finally {
            await(start(own, ownPort, "down"));
        }
    }

    @Test
    void withoutDockerTheDockerProviderIsOneLineAndExitThreeWithinSeconds() throws Exception {
        Map<String, String> noEngine = Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock");
        long started = System.nanoTime();
        Run run = await(start(home, port, noEngine, "up", "--db", "docker"));
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(30));
        assertThat(run.exit()).isEqualTo(ExitCode.ENVIRONMENT);
        assertThat(run.err()).isEqualTo("error: No Docker engine answers (unix:///nonexistent/docker.sock: no socket at /nonexistent/docker.sock):"
                + " start Docker, or use `--db embedded`." + System.lineSeparator());

        Path remembersDocker = TestSettings.checkout("cli-docker");
        new workbook.db.ServerMemory(remembersDocker.resolve(".workbook")).remember("docker", port, "crm-postgres-test-cli");
        Run status = await(start(remembersDocker, port, noEngine, "status"));
        assertThat(status.exit()).isEqualTo(ExitCode.ENVIRONMENT);
        assertThat(status.err()).startsWith("error: Your database lives in the Docker container crm-postgres-test-cli, but no Docker engine answers");
    }

    @Test
    void anUnknownProviderIsOneLineAndExitTwo() throws Exception {
        Run run = db("up", "--db", "mysql");
        assertThat(run.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).isEqualTo("error: Unknown database provider 'mysql' (--db): choose docker, embedded or url." + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnreachableUrlIsOneLineAndExitThree() throws Exception {
        int nobody = FreePorts.anyFree();
        Run run = db("status", "--url", "jdbc:postgresql://localhost:" + nobody + "/crm_db");
        assertThat(run.exit()).isEqualTo(ExitCode.ENVIRONMENT);
        Run up = db("up", "--url", "jdbc:postgresql://localhost:" + nobody + "/crm_db");
        assertThat(up.exit()).isEqualTo(ExitCode.ENVIRONMENT);
        assertThat(up.err().lines()).hasSize(1).first().asString().startsWith("error: No PostgreSQL answers at localhost:" + nobody);
    }

    @Test
    void aMalformedUrlIsOneLineAndExitTwo() throws Exception {
        Run run = db("up", "--url", "localhost:5432/crm_db");
        assertThat(run.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().lines()).hasSize(1).first().asString().startsWith("error: Not a PostgreSQL URL");
    }

    @Test
    void noSubcommandIsBadInput() throws Exception {
        Run run = db();
        assertThat(run.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("Missing required subcommand");
    }
}
