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
import workbook.ExitCode;
import workbook.Slow;
import workbook.UserError;

/**
 * A server the user names by URL: it is used as it is, and each way it can be wrong gets one clear line.
 * The server is the embedded provider's (password authentication on, as on a real shared server).
 */
@Slow
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
        RunningServer running = new UrlServer(url(db, "crmuser", "crmpassword")).up();
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
    void aServerOlderThanPostgres12IsRefused() throws Exception {
        try (ServerSocket old = new ServerSocket(0)) {
            Thread postgres11 = new Thread(() -> pretendToBePostgres11(old));
            postgres11.start();
            assertThatThrownBy(() -> new UrlServer("jdbc:postgresql://localhost:" + old.getLocalPort() + "/crm_db").up())
                    .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ENVIRONMENT))
                    .hasMessage("The server at localhost:" + old.getLocalPort() + " runs PostgreSQL 11.22; the workbook needs PostgreSQL 12 or newer.");
            postgres11.join(5000);
        }
    }

    /** Just enough of PostgreSQL's wire protocol to open a session and announce version 11.22, as an old server would. */
    private static void pretendToBePostgres11(ServerSocket listener) {
        try (Socket s = listener.accept()) {
            var in = new java.io.DataInputStream(s.getInputStream());
            var out = new java.io.DataOutputStream(s.getOutputStream());
            while (true) {
                int length = in.readInt();
                int code = in.readInt();
                in.readFully(new byte[length - 8]);
                if (code == 80877103 || code == 80877104) { // SSL or GSS encryption request: not offered
                    out.writeByte('N');
                    out.flush();
                    continue;
                }
                break; // the startup message
            }
            out.writeByte('R');
            out.writeInt(8);
            out.writeInt(0); // authentication ok
            for (String[] p : new String[][] {{"server_version", "11.22"}, {"client_encoding", "UTF8"},
                    {"standard_conforming_strings", "on"}, {"integer_datetimes", "on"}, {"DateStyle", "ISO, MDY"}}) {
                byte[] body = (p[0] + "\0" + p[1] + "\0").getBytes(StandardCharsets.UTF_8);
                out.writeByte('S');
                out.writeInt(4 + body.length);
                out.write(body);
            }
            out.writeByte('K');
            out.writeInt(12);
            out.writeInt(42);
            out.writeInt(4242);
            out.writeByte('Z');
            out.writeInt(5);
            out.writeByte('I');
            out.flush();
            // the driver sends a few SETs (it cannot put them in the startup message of a server it does not know yet):
            // each gets "SET" and ready-for-query, until the client says goodbye ('X')
            int type;
            while ((type = in.read()) != -1 && type != 'X') {
                in.readFully(new byte[in.readInt() - 4]);
                if (type == 'Q') {
                    byte[] tag = "SET\0".getBytes(StandardCharsets.UTF_8);
                    out.writeByte('C');
                    out.writeInt(4 + tag.length);
                    out.write(tag);
                    out.writeByte('Z');
                    out.writeInt(5);
                    out.writeByte('I');
                    out.flush();
                }
            }
        } catch (Exception ignored) {
            // the client hangs up as soon as it has read the version
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
