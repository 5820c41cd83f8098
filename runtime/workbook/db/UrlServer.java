package workbook.db;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import workbook.ExitCode;
import workbook.UserError;
import workbook.sql.ExceptionText;

/**
 * A PostgreSQL 12+ the user names by URL (an instructor's server, a cloud instance). The workbook only
 * connects to it: it never starts, stops or removes it.
 */
public final class UrlServer implements ServerProvider {
    private static final int MIN_MAJOR_VERSION = 12;

    private final ConnectionInfo info;

    public UrlServer(String url) {
        this.info = JdbcUrls.parse(url);
    }

    @Override
    public String provider() {
        return "url";
    }

    @Override
    public String name() {
        return "the database " + info.database() + " on the server at " + info.host() + ":" + info.port();
    }

    @Override
    public RunningServer up() {
        try (Connection c = ServerAdmin.connect(info, 5)) {
            // the version the server announced when the connection opened: no query needed
            int major = c.getMetaData().getDatabaseMajorVersion();
            if (major < MIN_MAJOR_VERSION) {
                throw UserError.environment("The server at " + where() + " runs PostgreSQL " + c.getMetaData().getDatabaseProductVersion()
                        + "; the workbook needs PostgreSQL 12 or newer.", null);
            }
        } catch (SQLException e) {
            throw explain(e);
        }
        return new RunningServer(info, provider(), "connected to the server you named at " + where());
    }

    /** One line per way a connection fails, each naming the server and the next step. */
    UserError explain(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        Throwable cause = ExceptionText.rootCause(e);
        if (state.equals("28P01") || state.equals("28000")) {
            return new UserError(ExitCode.BAD_INPUT, "The server at " + where() + " refused user " + info.user()
                    + ": wrong password or user name (check the URL's user and password).", e);
        }
        if (state.equals("3D000")) {
            return new UserError(ExitCode.BAD_INPUT, "The server at " + where() + " has no database " + info.database()
                    + ": create it, or name another database in the URL.", e);
        }
        if (cause instanceof UnknownHostException) {
            return new UserError(ExitCode.BAD_INPUT, "Unknown host " + info.host() + " in the database URL: check its spelling.", e);
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException) {
            return UserError.environment("No PostgreSQL answers at " + where() + " (" + cause.getMessage()
                    + "): is the server running, and are host and port right?", e);
        }
        // anything else at connection level (SSL negotiation answered with garbage, protocol violation) means a non-PostgreSQL peer
        if (state.startsWith("08") || String.valueOf(e.getMessage()).contains("SSL")) {
            return UserError.environment("Something answers at " + where() + ", but not as PostgreSQL would ("
                    + ExceptionText.firstLine(e) + "): is that the right port?", e);
        }
        return UserError.environment("Could not use the server at " + where() + ": " + ExceptionText.firstLine(e), e);
    }

    private String where() {
        return info.host() + ":" + info.port();
    }

    @Override
    public Optional<ConnectionInfo> running() {
        return ServerAdmin.answers(info) ? Optional.of(info) : Optional.empty();
    }

    @Override
    public ConnectionInfo expected() {
        return info;
    }

    @Override
    public String stop() {
        return "The server at " + where() + " is not the workbook's to stop; nothing done.";
    }

    @Override
    public String crash() {
        return "The server at " + where() + " is not the workbook's to stop; nothing done.";
    }

    @Override
    public List<String> startLog() {
        return List.of();
    }

    @Override
    public String purge() {
        return "The server at " + where() + " is not the workbook's to remove; nothing done (`./jbang db reset --url ...` empties " + info.database() + ").";
    }
}
