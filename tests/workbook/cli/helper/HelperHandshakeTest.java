package workbook.cli.helper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

/**
 * The helper's port is on the loopback interface, where any local user can connect: only a command that
 * read the card's secret gets anything run, and a command tells what it wants only to a helper that proved
 * it read the card (a dead helper's port may belong to someone else's program by now).
 */
class HelperHandshakeTest {
    private static final AtomicInteger RUNS = new AtomicInteger();

    @TempDir
    Path checkout;

    @Command(name = "probe")
    static class Probe implements Callable<Integer> {
        @Override
        public Integer call() {
            RUNS.incrementAndGet();
            System.out.println("probe ran");
            return 7;
        }
    }

    @Test
    void onlyACommandThatKnowsTheSecretIsServed() throws Exception {
        Files.writeString(checkout.resolve("jbang-catalog.json"), "{}");
        CompletableFuture<Void> helper = CompletableFuture.runAsync(() -> {
            try {
                HelperServer.serve(checkout, "key", List.of(new ServedCommand("probe", Probe::new, args -> true)), Duration.ofSeconds(4), () -> { });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        HelperCard card = awaitCard();
        int before = RUNS.get();

        try (Socket guess = new Socket(InetAddress.getLoopbackAddress(), card.port())) {
            DataInputStream in = new DataInputStream(guess.getInputStream());
            in.readNBytes(HelperCard.SECRET_LENGTH);
            DataOutputStream out = new DataOutputStream(guess.getOutputStream());
            out.write("0".repeat(HelperCard.SECRET_LENGTH).getBytes(StandardCharsets.US_ASCII));
            try {
                new HelperRequest("key", Path.of("").toAbsolutePath().toString(), false, System.getenv(), "probe", List.of()).write(out);
                assertThat(in.read()).as("closed without an answer").isEqualTo(-1);
            } catch (SocketException e) {
                // closed while the request was still being written: the same refusal, seen earlier
            }
        }
        assertThat(RUNS.get()).as("a wrong secret runs nothing").isEqualTo(before);

        HelperClient.Answer answer = HelperClient.ask(card, "key", "probe");
        assertThat(answer).isEqualTo(new HelperClient.Answer(HelperClient.Outcome.SERVED, 7));
        assertThat(RUNS.get()).isEqualTo(before + 1);
        helper.get(60, TimeUnit.SECONDS);  // idle after four seconds
    }

    @Test
    void aCommandSaysNothingToAPortThatDoesNotProveItReadTheCard() throws Exception {
        try (ServerSocket impostor = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> heard = CompletableFuture.supplyAsync(() -> {
                try (Socket command = impostor.accept()) {
                    command.getOutputStream().write("f".repeat(HelperCard.SECRET_LENGTH).getBytes(StandardCharsets.US_ASCII));
                    command.setSoTimeout(5000);
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    InputStream in = command.getInputStream();
                    try {
                        in.transferTo(bytes);
                    } catch (java.net.SocketTimeoutException e) {
                        // it said nothing and kept the line open: still nothing heard
                    }
                    return bytes.toByteArray();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            HelperCard card = new HelperCard(impostor.getLocalPort(), "a".repeat(HelperCard.SECRET_LENGTH), "b".repeat(HelperCard.SECRET_LENGTH));

            HelperClient.Answer answer = HelperClient.ask(card, "key", "check", "lesson3", "--url", "jdbc:postgresql://x/db?password=secret");

            assertThat(answer.outcome()).isEqualTo(HelperClient.Outcome.NO_HELPER);
            assertThat(heard.get(30, TimeUnit.SECONDS)).as("what the impostor heard").isEmpty();
        }
    }

    private HelperCard awaitCard() throws Exception {
        Path file = HelperAddress.of(checkout).orElseThrow().card();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (HelperCard.read(file).isEmpty()) {
            assertThat(System.nanoTime()).as("the helper never wrote its card").isLessThan(deadline);
            Thread.sleep(10);
        }
        return HelperCard.read(file).orElseThrow();
    }

}
