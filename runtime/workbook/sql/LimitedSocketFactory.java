package workbook.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Makes the sockets of one connection opened by {@link ReceiveLimit#connect}: their incoming bytes go through
 * a {@link BackendMessageGate} charging that connection's limit. Public only because pgjdbc instantiates it by
 * name (its {@code socketFactory} property) through the constructor taking {@code socketFactoryArg}.
 */
public final class LimitedSocketFactory extends SocketFactory {
    private static final int SSL_REQUEST = 80877103;
    private static final int GSSENC_REQUEST = 80877104;
    private static final int CANCEL_REQUEST = 80877102;

    private final ReceiveLimit limit;

    /** @param id the random id under which {@link ReceiveLimit#connect} left this connection's limit */
    public LimitedSocketFactory(String id) {
        this.limit = ReceiveLimit.claim(id);
    }

    /** pgjdbc's way: an unconnected socket, which it then connects (also for a cancel request, or to retry). */
    @Override
    public Socket createSocket() {
        return new LimitedSocket(limit);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        if (local != null) {
            socket.bind(local);
        }
        socket.connect(remote);
        return socket;
    }

    /** A plain TCP socket whose input is gated; its output is watched only to know how the server will answer. */
    private static final class LimitedSocket extends Socket {
        private final ReceiveLimit limit;
        private BackendMessageGate input;
        private OutputStream output;

        LimitedSocket(ReceiveLimit limit) {
            this.limit = limit;
        }

        // one stream each for the socket's life: the driver and a TLS layer on top must share the gate's framing
        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (input == null) {
                input = new BackendMessageGate(super.getInputStream(), limit);
            }
            return input;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (output == null) {
                output = new StartupWatch(super.getOutputStream(), (BackendMessageGate) getInputStream());
            }
            return output;
        }
    }

    /**
     * Reads the client's untyped startup packets (int32 length, int32 code) until the StartupMessage or a
     * CancelRequest, and tells the gate when the server's next byte is an unframed answer to SSLRequest or
     * GSSENCRequest. After that, and once the gate counts raw bytes, it only passes bytes on.
     */
    private static final class StartupWatch extends OutputStream {
        private final OutputStream out;
        private final BackendMessageGate gate;
        private final byte[] packet = new byte[8];
        private int seen;
        private boolean watching = true;

        StartupWatch(OutputStream out, BackendMessageGate gate) {
            this.out = out;
            this.gate = gate;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            watching &= !gate.raw(); // after 'S' or 'G' the client sends ciphertext
            for (int i = 0; watching && i < length; i++) {
                watch(bytes[offset + i]);
            }
            out.write(bytes, offset, length);
        }

        private void watch(byte b) {
            packet[seen++] = b;
            if (seen < packet.length) {
                return;
            }
            seen = 0;
            int length = readInt(0);
            int code = readInt(4);
            if (length == 8 && (code == SSL_REQUEST || code == GSSENC_REQUEST)) {
                gate.expectAnswerByte(); // and the client's next packet is again untyped
            } else {
                watching = false;
                if (code >>> 16 != 3 && code != CANCEL_REQUEST) {
                    gate.countRawBytes(); // neither StartupMessage (protocol 3.x) nor CancelRequest: e.g. direct TLS
                }
            }
        }

        private int readInt(int at) {
            return (packet[at] & 0xff) << 24 | (packet[at + 1] & 0xff) << 16 | (packet[at + 2] & 0xff) << 8 | packet[at + 3] & 0xff;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
