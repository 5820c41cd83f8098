package workbook.checker.kinds;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import workbook.db.ConnectionInfo;

/**
 * Counts the round trips a real JDBC connection makes, on its socket: each time the driver reads an
 * answer after sending something, one request went to the server and one answer came back. The driver
 * is handed this factory by its {@code socketFactory} property; the counts are kept per connection name.
 */
public final class RoundTripCounter extends SocketFactory {
    private static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();
    private final AtomicInteger count;

    /** Called by the driver with the {@code socketFactoryArg}: the name the test counts under. */
    public RoundTripCounter(String name) {
        this.count = COUNTS.computeIfAbsent(name, n -> new AtomicInteger());
    }

    /** A connection whose round trips are counted under {@code name}. */
    static Connection connect(ConnectionInfo info, String name) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", info.user());
        properties.setProperty("password", info.password());
        properties.setProperty("socketFactory", RoundTripCounter.class.getName());
        properties.setProperty("socketFactoryArg", name);
        Connection connection = DriverManager.getConnection(info.jdbcUrl(), properties);
        reset(name);
        return connection;
    }

    static int roundTrips(String name) {
        return COUNTS.get(name).get();
    }

    static void reset(String name) {
        COUNTS.computeIfAbsent(name, n -> new AtomicInteger()).set(0);
    }

    @Override
    public Socket createSocket() {
        return new CountingSocket(count);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return createSocket(address, port);
    }

    /** A plain socket that notes a write, and counts a round trip at the first read after one. */
    private static final class CountingSocket extends Socket {
        private final AtomicInteger count;
        private volatile boolean wrote;

        CountingSocket(AtomicInteger count) {
            this.count = count;
        }

        private void reading() {
            if (wrote) {
                wrote = false;
                count.incrementAndGet();
            }
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            return new FilterOutputStream(super.getOutputStream()) {
                @Override
                public void write(int b) throws IOException {
                    wrote = true;
                    out.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    wrote = true;
                    out.write(b, off, len);
                }
            };
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return new FilterInputStream(super.getInputStream()) {
                @Override
                public int read() throws IOException {
                    reading();
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    reading();
                    return in.read(b, off, len);
                }
            };
        }
    }
}
