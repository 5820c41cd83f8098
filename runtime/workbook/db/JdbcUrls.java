package workbook.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import workbook.UserError;

/** Reads a user's jdbc:postgresql:// (or postgresql://) URL into a {@link ConnectionInfo}. */
public final class JdbcUrls {
    private JdbcUrls() {
    }

    public static ConnectionInfo parse(String url) {
        String raw = url.strip();
        String rest = raw.startsWith("jdbc:") ? raw.substring(5) : raw;
        if (!rest.startsWith("postgresql://") && !rest.startsWith("postgres://")) {
            throw UserError.badInput("Not a PostgreSQL URL: " + raw + " (expected jdbc:postgresql://HOST:PORT/DATABASE)");
        }
        URI uri;
        try {
            uri = URI.create(rest);
        } catch (IllegalArgumentException e) {
            throw UserError.badInput("Malformed database URL: " + raw + " (" + e.getMessage() + ")");
        }
        if (uri.getHost() == null) {
            throw UserError.badInput("The database URL names no host: " + raw);
        }
        String user = ConnectionInfo.LESSON_USER;
        String password = ConnectionInfo.LESSON_PASSWORD;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            if (parts.length > 1) {
                password = decode(parts[1]);
            }
        }
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                String value = kv.length > 1 ? decode(kv[1]) : "";
                if (kv[0].equals("user")) {
                    user = value;
                } else if (kv[0].equals("password")) {
                    password = value;
                }
            }
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        String database = path.isEmpty() ? ConnectionInfo.LESSON_DATABASE : decode(path);
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        return new ConnectionInfo(uri.getHost(), port, database, user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
