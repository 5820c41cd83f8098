package workbook.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import workbook.cli.ExitCode;
import workbook.cli.UserError;

/**
 * A server the user names by URL: it is used as it is, and each way it can be wrong gets one clear line.
 * The server is the embedded provider's (password authentication on, as on a real shared server).
 */
class UrlServerTest {
    private static EmbeddedServer server;
    private static ConnectionInfo crmDb;

    @BeforeAll
    static void startAServerToNameByUrl() {
        server = new EmbeddedServer(TestSettings.fresh("url"));
        crmDb = server.up().connection();
    }

    @AfterAll
    static void stopIt() {
        server.stop();
    }

    private static String url(ConnectionInfo db, String user, String password) {
        return "jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + db.database() + "?user=" + user + "&password=" + password;
    }

    @Test
    void aReachablePostgresIsUsedAsItIs() {
        ConnectionInfo db = crmDb;
        RunningDatabase running = new UrlServer(url(db, "crmuser", "crmpassword")).up();
        assertThat(running.provider()).isEqualTo("url");
        assertThat(running.connection()).isEqualTo(db);
        assertThat(running.description()).isEqualTo("connected to the server you named at localhost:" + db.port());
    }

    @Test
    void aWrongPasswordIsBadInput() {
        ConnectionInfo db = crmDb;
        assertThatThrownBy(() -> new UrlServer(url(db, "crmuser", "wrong")).up())
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
                .hasMessageContaining("refused user crmuser: wrong password");
    }

    @Test
    void aMissingDatabaseIsNamed() {
        ConnectionInfo db = crmDb.withDatabase("no_such_db");
        assertThatThrownBy(() -> new UrlServer(url(db, "crmuser", "crmpassword")).up())
                .isInstanceOf(UserError.class)
                .hasMessageContaining("has no database no_such_db");
    }

    @Test
    void anUnreachableHostIsAnEnvironmentProblem() {
        int nobodyListens = FreePorts.anyFree();
        assertThatThrownBy(() -> new UrlServer("jdbc:postgresql://localhost:" + nobodyListens + "/crm_db").up())
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ENVIRONMENT))
                .hasMessageContaining("No PostgreSQL answers at localhost:" + nobodyListens);
    }

    @Test
    void aMalformedUrlIsBadInput() {
        assertThatThrownBy(() -> new UrlServer("mysql://localhost/crm_db"))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
                .hasMessageStartingWith("Not a PostgreSQL URL");
        assertThatThrownBy(() -> new UrlServer("jdbc:postgresql://local host:5432/crm_db"))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT));
    }

    @Test
    void somethingThatIsNotPostgresIsSaidSo() throws Exception {
        try (ServerSocket web = new ServerSocket(0)) {
            Thread answering = new Thread(() -> {
                try (Socket s = web.accept(); OutputStream out = s.getOutputStream()) {
                    s.getInputStream().read(new byte[64]);
                    out.write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (Exception ignored) {
                    // the test only needs one wrong answer
                }
            });
            answering.start();
            assertThatThrownBy(() -> new UrlServer("jdbc:postgresql://localhost:" + web.getLocalPort() + "/crm_db").up())
                    .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ENVIRONMENT))
                    .hasMessageContaining("not as PostgreSQL would");
            answering.join(5000);
        }
    }

    @Test
    void theWorkbookNeverStopsOrRemovesAServerItDidNotStart() {
        ConnectionInfo db = crmDb;
        UrlServer server = new UrlServer(url(db, "crmuser", "crmpassword"));
        assertThat(server.stop()).contains("not the workbook's to stop");
        assertThat(server.purge()).contains("not the workbook's to remove");
        assertThat(server.running()).contains(db);
    }
}
