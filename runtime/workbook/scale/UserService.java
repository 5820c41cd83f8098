//DEPS at.favre.lib:bcrypt:0.10.2
package workbook.scale;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The lab's backend: a tiny HTTP service on localhost in the notebook's JVM. {@code POST /users} signs a user
 * up ({"email", "password"} → 201 with the new id; 409 when the email is taken, as the unique constraint
 * says, never a look-up first, which two requests at once would both pass), {@code GET /users/{id}} and
 * {@code GET /users?email=} read one. Each request runs on one of a fixed number of threads, as in a real
 * service, and gets its connection from the store's {@link ConnectionSource}.
 */
public final class UserService implements AutoCloseable {
    /**
     * bcrypt's cost: 2^cost rounds. Production uses 10 to 12 (tens of milliseconds a hash, on purpose); the lab
     * takes the minimum so that thousands of sign-ups on two cores measure the database, not the hash.
     */
    static final int HASH_COST = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // replies go out at once: with Nagle's algorithm on, a small reply waits for the client's delayed ACK,
        // about 40 ms a request on Linux, which would drown every figure the lab measures (read at the first server's start)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private volatile UserStore store;

    private UserService(HttpServer server, ExecutorService threads, UserStore store) {
        this.server = server;
        this.threads = threads;
        this.store = store;
    }

    /** Starts the service on a free port of localhost, serving {@code threads} requests at a time. */
    public static UserService start(UserStore store, int threads) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        ExecutorService pool = Executors.newFixedThreadPool(threads, request -> {
            Thread thread = new Thread(request, "lab-service");
            thread.setDaemon(true); // a service left running by a quit walk must not keep the JVM alive
            return thread;
        });
        UserService service = new UserService(server, pool, store);
        server.createContext("/users", service::handle);
        server.setExecutor(pool);
        server.start();
        return service;
    }

    /** Serves from another store from the next request on (pooled instead of not, a replica, shards). */
    public void use(UserStore next) {
        store = next;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("POST") && path.equals("/users")) {
                signUp(exchange);
            } else if (method.equals("GET") && path.startsWith("/users/")) {
                UUID id;
                try {
                    id = UUID.fromString(path.substring("/users/".length()));
                } catch (IllegalArgumentException e) {
                    reply(exchange, 404, Map.of("error", "no such user"));
                    return;
                }
                found(exchange, store.find(id));
            } else if (method.equals("GET") && path.equals("/users") && query(exchange).startsWith("email=")) {
                String email = java.net.URLDecoder.decode(query(exchange).substring("email=".length()), StandardCharsets.UTF_8);
                found(exchange, store.findByEmail(email));
            } else {
                reply(exchange, 404, Map.of("error", "no such route: " + method + " " + path));
            }
        } catch (SQLException e) {
            reply(exchange, 500, Map.of("error", "database: " + e.getMessage()));
        } catch (RuntimeException e) {
            reply(exchange, 500, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private void signUp(HttpExchange exchange) throws IOException, SQLException {
        JsonNode body;
        try {
            body = JSON.readTree(exchange.getRequestBody());
        } catch (IOException e) {
            reply(exchange, 400, Map.of("error", "the body is not JSON"));
            return;
        }
        String email = body == null ? "" : body.path("email").asText("");
        String password = body == null ? "" : body.path("password").asText("");
        if (!email.contains("@") || password.length() < 8) {
            reply(exchange, 400, Map.of("error", "an email and a password of 8 characters or more, please"));
            return;
        }
        String hash = BCrypt.withDefaults().hashToString(HASH_COST, password.toCharArray());
        UUID id = UUID.randomUUID();
        try {
            store.insert(id, email, hash);
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                reply(exchange, 409, Map.of("error", "this email is already registered"));
                return;
            }
            throw e;
        }
        exchange.getResponseHeaders().add("Location", "/users/" + id);
        reply(exchange, 201, Map.of("id", id.toString()));
    }

    private static void found(HttpExchange exchange, Optional<UserStore.User> user) throws IOException {
        if (user.isEmpty()) {
            reply(exchange, 404, Map.of("error", "no such user"));
        } else {
            reply(exchange, 200, Map.of("id", user.get().id().toString(), "email", user.get().email(), "created_at", user.get().createdAt()));
        }
    }

    private static String query(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        return query == null ? "" : query;
    }

    private static void reply(HttpExchange exchange, int status, Map<String, String> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(new java.util.TreeMap<>(body));
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops accepting requests and ends its threads; the store's connections are the caller's. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
