package workbook.db;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finds a local TCP port for a server: the one asked for if nobody listens there, else any free one. */
public final class FreePorts {
    private FreePorts() {
    }

    /** The port chosen and, when it is not the one asked for, a plain sentence why. */
    public record Pick(int port, String note) {
        public boolean moved() {
            return note != null;
        }
    }

    public static Pick pick(int preferred) {
        if (isFree(preferred)) {
            return new Pick(preferred, null);
        }
        int other = anyFree();
        return new Pick(other, "port " + preferred + " is taken by another program, so it listens on port " + other + " instead");
    }

    /** True when nothing listens on the port on this machine's loopback or wildcard address. */
    public static boolean isFree(int port) {
        if (port <= 0 || port > 65535) {
            return false;
        }
        // SO_REUSEADDR as PostgreSQL sets it: connections of a just-stopped server lingering in TIME_WAIT do
        // not make the port look taken, while any listener (also docker-proxy's on 0.0.0.0) still does
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static int anyFree() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free TCP port on this machine", e);
        }
    }
}
