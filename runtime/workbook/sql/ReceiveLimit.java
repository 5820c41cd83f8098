//DEPS org.postgresql:postgresql:42.7.14
package workbook.sql;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.PGConnection;

/**
 * Bounds what one connection may receive from the server between two resets, so untrusted SQL cannot fill
 * the grader's memory: every backend message is charged before the driver sees its header, and one that
 * would pass the limit ends the connection (the statement fails with 08006) instead of being allocated.
 *
 * <p>Why a count between resets rather than per message: the driver keeps a whole result (autocommit), every
 * notice of a statement and every notification until they are asked for, and a caller keeps what it shows of
 * each statement; all of it arrived over this connection, so the bytes received bound all of it. Notices and
 * notifications are charged more than their size, for the objects the driver makes of each, so that a flood
 * of tiny ones is bounded too.
 *
 * <p>The memory bound is a multiple of the limit: while pgjdbc decodes one error or notice just under it, it
 * holds about 7 times its size at once (its buffer, the decoded chars, the string, the split fields); a flood
 * of empty rows costs about 6 times its bytes. So allow about 8 × limit of heap per connection running at
 * once (measured with ReceiveLimitChild: a 4 MB limit needed 40 MB of heap, an 8 MB limit 64 MB). Under TLS
 * or GSS encryption only the raw bytes can be counted: the total still holds, but one big message is
 * allocated by the driver before it is counted.
 */
public final class ReceiveLimit {
    /**
     * What pgjdbc keeps of one NoticeResponse beyond its bytes: an SQLWarning with its stack trace and a map of
     * fields, about 1.7 KB for an empty notice of 117 bytes (measured), so a flood of tiny notices costs what it holds.
     */
    static final long NOTICE_COST = 2048;
    /** What pgjdbc keeps of one NotificationResponse beyond its bytes: about 150 bytes for a 20-byte message. */
    static final long NOTIFICATION_COST = 256;
    /** Limits made by {@link #connect} and not yet claimed by the socket factory pgjdbc makes for that connection. */
    private static final Map<String, ReceiveLimit> PENDING = new ConcurrentHashMap<>();

    private final long bytes;
    private long received;
    /** Whether a notification came since the last reset, so the driver holds some to forget. */
    private volatile boolean notified;
    private volatile String reason;
    /** Set when pgjdbc's socket factory took this limit: proof the connection is really limited. */
    private volatile boolean claimed;

    /** A connection opened with a limit, and that limit. */
    public record Limited(Connection connection, ReceiveLimit limit) {
    }

    private ReceiveLimit(long bytes) {
        this.bytes = bytes;
    }

    /**
     * Opens a connection (DriverManager) whose received bytes are limited to {@code bytes} between two resets.
     * Every socket pgjdbc opens for it (the session's, a cancel request's) counts against the same limit.
     */
    public static Limited connect(String jdbcUrl, Properties properties, long bytes) throws SQLException {
        if (bytes <= 0) {
            throw new IllegalArgumentException("a receive limit must be positive, not " + bytes);
        }
        ReceiveLimit limit = new ReceiveLimit(bytes);
        String id = UUID.randomUUID().toString();
        Properties withLimit = new Properties();
        for (String name : properties.stringPropertyNames()) {
            withLimit.setProperty(name, properties.getProperty(name));
        }
        withLimit.setProperty("socketFactory", LimitedSocketFactory.class.getName());
        withLimit.setProperty("socketFactoryArg", id);
        PENDING.put(id, limit);
        Connection connection;
        try {
            connection = DriverManager.getConnection(jdbcUrl, withLimit);
        } finally {
            PENDING.remove(id); // claimed by the factory already, unless the driver failed before making it
        }
        if (!limit.claimed) {
            connection.close();
            throw new SQLException("the receive limit was not applied: the JDBC URL names a socketFactory of its own;"
                    + " remove it from the URL", "08001");
        }
        return new Limited(connection, limit);
    }

    /** The limit registered under {@code id} by {@link #connect}, taken so that no other connection gets it. */
    static ReceiveLimit claim(String id) {
        ReceiveLimit limit = id == null ? null : PENDING.remove(id);
        if (limit == null) {
            throw new IllegalArgumentException("no receive limit is waiting under socketFactoryArg " + id
                    + "; open limited connections with ReceiveLimit.connect");
        }
        limit.claimed = true;
        return limit;
    }

    /**
     * Starts counting from zero again (e.g. before each exercise file), after taking from the driver what it
     * keeps without a bound: pending notifications and the connection's warnings. What that drain receives
     * still counts against the old period. Once the limit was exceeded it stays so: the connection is closed.
     */
    public void reset(Connection connection) {
        try {
            // asking the driver for notifications costs a timed read of the socket (a millisecond): only when one came
            if (notified) {
                connection.unwrap(PGConnection.class).getNotifications();
            }
            connection.clearWarnings();
        } catch (SQLException e) {
            // a closed connection keeps nothing worth forgetting, and the next statement on it says it is closed
        }
        synchronized (this) {
            received = 0;
            notified = false;
        }
    }

    /** Whether the limit ended the connection. */
    public boolean exceeded() {
        return reason != null;
    }

    /** Why the connection was ended, in one line for feedback; null while the limit was not exceeded. */
    public String reason() {
        return reason;
    }

    /** The limit: bytes that may be received between two resets. */
    public long bytes() {
        return bytes;
    }

    /** Bytes charged since the last reset: each message's size, more for notices and notifications. */
    synchronized long received() {
        return received;
    }

    /** Charges one backend message of {@code size} bytes (type byte and length included) by its type. */
    void chargeMessage(byte type, long size) throws IOException {
        if (type == 'A') {
            notified = true;
        }
        charge(size + switch (type) {
            case 'N' -> NOTICE_COST;
            case 'A' -> NOTIFICATION_COST;
            default -> 0;
        });
    }

    /** Counts {@code count} more bytes as received, or refuses them (and everything after) when they pass the limit. */
    synchronized void charge(long count) throws IOException {
        if (reason == null && received + count > bytes) {
            reason = "the server sent it more than " + size(bytes) + " (rows, notices, notifications), the limit";
        }
        if (reason != null) {
            throw new IOException("receive limit passed");
        }
        received += count;
    }

    /** Refuses every further read once the limit was passed, even of bytes already in a buffer. */
    void refuseIfExceeded() throws IOException {
        if (reason != null) {
            throw new IOException("receive limit passed");
        }
    }

    /** 16 MB, 512 KB or 1000 bytes, as a person reads a size. */
    static String size(long bytes) {
        return bytes >= 1 << 20 ? inUnits(bytes, 1 << 20, "MB") : bytes >= 1 << 10 ? inUnits(bytes, 1 << 10, "KB") : bytes + " bytes";
    }

    private static String inUnits(long bytes, long unit, String name) {
        return (bytes % unit == 0 ? String.valueOf(bytes / unit) : String.format(Locale.ROOT, "%.1f", bytes / (double) unit)) + " " + name;
    }
}
