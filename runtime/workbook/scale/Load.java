package workbook.scale;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import workbook.db.ConnectionInfo;

/**
 * A load of sign-ups then reads against the service from {@code clients} concurrent clients (threads, each
 * with Java's HTTP client), every latency kept; meanwhile a watcher counts the application's backends in
 * pg_stat_activity. The same load object runs against each setup, so their figures compare.
 */
public final class Load {
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final int signUps;
    private final int reads;
    private final int clients;
    private final List<UUID> signedUp = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile boolean stopping;

    public Load(int signUps, int reads, int clients) {
        this.signUps = signUps;
        this.reads = reads;
        this.clients = clients;
    }

    /** Ids the sign-ups of the last run were given. */
    public List<UUID> signedUp() {
        return List.copyOf(signedUp);
    }

    /**
     * Runs the load against {@code service}; {@code admin} (a superuser login on the server it uses) watches
     * pg_stat_activity for the role {@code appRole}. Emails are unique to this run ({@code name}).
     */
    public LoadResult run(String name, UserService service, ConnectionSource source, ConnectionInfo admin, String appRole) throws Exception {
        signedUp.clear();
        long loginsBefore = source.logins();
        long[] latencies = new long[signUps + reads];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        String tag = name.replaceAll("[^A-Za-z0-9]", "") + "-" + Long.toString(System.nanoTime(), 36);
        try (BackendWatch watch = BackendWatch.start(admin, appRole)) {
            long start = System.nanoTime();
            runClients(() -> {
                int i;
                while (!stopping && (i = next.getAndIncrement()) < signUps) {
                    String body = "{\"email\":\"" + tag + "-" + i + "@example.com\",\"password\":\"load-test-password\"}";
                    HttpRequest request = HttpRequest.newBuilder(service.uri("/users")).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long t = System.nanoTime();
                    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                    latencies[i] = System.nanoTime() - t;
                    Matcher id = ID.matcher(response.body());
                    if (response.statusCode() == 201 && id.find()) {
                        signedUp.add(UUID.fromString(id.group(1)));
                    } else {
                        failed.incrementAndGet();
                    }
                }
            });
            List<UUID> ids = signedUp();
            // each client's last look at the sign-ups' counter took a number past them: the reads count anew
            AtomicInteger nextRead = new AtomicInteger(signUps);
            runClients(() -> {
                int i;
                while (!stopping && (i = nextRead.getAndIncrement()) < signUps + reads && !ids.isEmpty()) {
                    UUID id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                    long t = System.nanoTime();
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(service.uri("/users/" + id)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    latencies[i] = System.nanoTime() - t;
                    if (response.statusCode() != 200) {
                        failed.incrementAndGet();
                    }
                }
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            return new LoadResult(name, signUps + reads, seconds, latencies, failed.get(), watch.peak(), source.logins() - loginsBefore);
        }
    }

    /** One request as an HTTP client would send it: the status and body, for the notebook's own calls. */
    public static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private interface Client {
        void run() throws Exception;
    }

    private void runClients(Client client) throws Exception {
        stopping = false;
        List<Thread> threads = new ArrayList<>();
        List<Exception> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                try {
                    client.run();
                } catch (Exception e) {
                    problems.add(e);
                }
            }, "lab-client-" + c);
            thread.setDaemon(true); // a stopped cell must not leave a client keeping the JVM
            thread.start();
            threads.add(thread);
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
        } finally {
            // a cell stopped with Ctrl-C ends here too: its clients stop after the request they are in
            stopping = true;
        }
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
    }
}
