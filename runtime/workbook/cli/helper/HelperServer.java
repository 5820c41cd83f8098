package workbook.cli.helper;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import workbook.ExitCode;
import workbook.cli.CommandRunner;
import workbook.terminal.Console;

/**
 * The helper's side: a warm JVM that runs the checkout's everyday commands for the short-lived processes
 * of {@code ./jbang}, one at a time, as if each ran in its own process (its output, its terminal's width,
 * its exit code). It serves only requests built from its own code, in its own folder and environment; any
 * other makes it retire. It stops after {@code idle} without a request, when its checkout is gone, or when
 * its card is removed or replaced. It holds no connection between commands, so a kill at any point leaves
 * what a killed command leaves (the next check's sweep drops a scratch copy), and the next command,
 * finding nobody at the card's port, runs in its own process and starts a new helper.
 */
public final class HelperServer {
    /** How often an idle helper looks whether it should stop. */
    private static final Duration TICK = Duration.ofSeconds(2);
    /** How long a connection may take to prove it knows the card and say what it wants. */
    private static final int HANDSHAKE_MILLIS = 2000;

    private final Path checkout;
    private final String codeKey;
    private final String folder;
    private final Map<String, String> environment;
    private final List<ServedCommand> commands;
    private final Duration idle;
    private final PrintStream log;

    private HelperServer(Path checkout, String codeKey, List<ServedCommand> commands, Duration idle) {
        this.checkout = checkout;
        this.codeKey = codeKey;
        this.folder = Path.of("").toAbsolutePath().toString();
        this.environment = HelperRequest.relevant(System.getenv());
        this.commands = commands;
        this.idle = idle;
        this.log = System.out;
    }

    /**
     * Serves {@code commands} for the checkout until idle; returns at once when another helper holds its
     * lock for longer than a retiring one would.
     */
    public static void serve(Path checkout, String codeKey, List<ServedCommand> commands, Duration idle, Runnable warmUp)
            throws IOException, InterruptedException {
        HelperAddress address = HelperAddress.of(checkout).orElseThrow(() -> new IOException("no private folder for the helper's card"));
        new HelperServer(checkout, codeKey, commands, idle).serve(address, warmUp);
    }

    private void serve(HelperAddress address, Runnable warmUp) throws IOException, InterruptedException {
        try (FileChannel lockFile = FileChannel.open(address.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = awaitLock(lockFile);
            if (lock == null) {
                say("another helper serves this checkout; not starting");
                return;
            }
            // before listening: a command that comes meanwhile runs in its own process rather than wait (the lock
            // tells it that a helper is on its way, so it starts no other)
            long started = System.nanoTime();
            quietly(warmUp);
            say("warmed up in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                HelperCard card = HelperCard.fresh(server.getLocalPort());
                card.write(address.card());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> removeIfOurs(address.card(), card)));
                server.setSoTimeout((int) TICK.toMillis());
                say("serving " + checkout + " (stops after " + idle.toSeconds() + " s without a command)");
                String reason = loop(server, address.card(), card);
                say(reason);
                removeIfOurs(address.card(), card);
            }
        }
    }

    /** Waits a little for a retiring helper to let go of the lock; null when a living one keeps it. */
    private static FileLock awaitLock(FileChannel lockFile) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(5);
        while (true) {
            FileLock lock = lockFile.tryLock();
            if (lock != null || Instant.now().isAfter(deadline)) {
                return lock;
            }
            Thread.sleep(20);
        }
    }

    /** Runs requests as they come; returns why it stopped. */
    private String loop(ServerSocket server, Path cardFile, HelperCard card) throws IOException {
        Instant lastUsed = Instant.now();
        while (true) {
            if (!Instant.now().isBefore(lastUsed.plus(idle))) {
                return "no command for " + idle.toSeconds() + " s: stopping";
            }
            try (Socket client = server.accept()) {
                switch (answer(client, card)) {
                    case RETIRE -> {
                        return "a request from other code or another environment: retiring for a helper of its own";
                    }
                    case SERVED -> lastUsed = Instant.now();
                    case IGNORED -> { }
                }
            } catch (SocketTimeoutException e) {
                // a tick without a request: time to look around
            }
            if (!Files.isRegularFile(checkout.resolve("jbang-catalog.json"))) {
                return "the checkout is gone: stopping";
            }
            if (!HelperCard.read(cardFile).equals(Optional.of(card))) {
                return "its card was removed or replaced: stopping";
            }
        }
    }

    private enum Answered { SERVED, IGNORED, RETIRE }

    /** Serves one connection: only a command that knows the card's secret, and only a request it may serve. */
    private Answered answer(Socket client, HelperCard card) {
        try {
            client.setSoTimeout(HANDSHAKE_MILLIS);  // nobody holds the helper by connecting and saying nothing
            DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(client.getOutputStream()));
            out.write(card.helperSecret().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (!HelperCard.same(in.readNBytes(HelperCard.SECRET_LENGTH), card.commandSecret())) {
                say("a connection without the card's secret: closed");
                return Answered.IGNORED;
            }
            HelperRequest request = HelperRequest.read(in);
            client.setSoTimeout(0);
            if (!request.codeKey().equals(codeKey) || !request.folder().equals(folder)
                    || !HelperRequest.relevant(request.environment()).equals(environment)) {
                out.writeByte(HelperReply.RETIRING);
                out.flush();
                return Answered.RETIRE;
            }
            ServedCommand served = commands.stream().filter(c -> c.name().equals(request.command())).findFirst().orElse(null);
            if (served == null || !served.serves().test(request.arguments())) {
                out.writeByte(HelperReply.DECLINED);
                out.flush();
                return Answered.IGNORED;
            }
            out.writeByte(HelperReply.ACCEPTED);
            out.flush();
            long started = System.nanoTime();
            Thread stopper = stopWithItsProcess(in, request.command());
            int code = run(served, request, out);
            stopper.interrupt();
            // logged before the exit code is sent: once its command has ended, the log already says so. The
            // command's name only: its arguments may hold a password (--url)
            say("served " + request.command() + " (exit " + code + ") in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            synchronized (out) {
                out.writeByte(HelperReply.EXIT);
                out.writeInt(code);
                out.flush();
            }
            return Answered.SERVED;
        } catch (IOException e) {
            say("a request broke off: " + e.getMessage());
            return Answered.IGNORED;
        }
    }

    /**
     * Ctrl-C stops a command: when its process goes away mid-command (it says nothing after its request, so a
     * read ends only then), the helper stops too, and with it the command, as if it had run in that process. Its
     * scratch copy is then what a killed check leaves, which the next check drops; the next command starts a
     * new helper.
     */
    private Thread stopWithItsProcess(DataInputStream in, String command) {
        Thread watch = new Thread(() -> {
            try {
                in.read();
            } catch (IOException e) {
                // gone as well
            }
            if (!Thread.currentThread().isInterrupted()) {
                say("the process of the " + command + " it ran was stopped (Ctrl-C): stopping with it");
                System.exit(130);
            }
        }, "helper: stop with the command's process");
        watch.setDaemon(true);
        watch.start();
        return watch;
    }

    /** Runs the command as its own process would: its streams, its terminal, no stdin (served commands ask nothing). */
    private int run(ServedCommand served, HelperRequest request, DataOutputStream connection) {
        PrintStream stdout = new PrintStream(new FrameOutputStream(connection, HelperReply.OUT), true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(new FrameOutputStream(connection, HelperReply.ERR), true, StandardCharsets.UTF_8);
        return asItsOwnProcess(stdout, stderr, request.interactive(), request.columns(), () -> {
            try {
                return CommandRunner.run(request.command(), served.command().get(), request.arguments().toArray(String[]::new));
            } catch (RuntimeException | Error e) {
                e.printStackTrace(log);
                stderr.println("error: the workbook's helper failed: " + e);
                return ExitCode.ENVIRONMENT;
            }
        });
    }

    /**
     * Runs {@code work} as a process of its own would run: these streams as System's and the console's, the
     * terminal's width and whether a person watches it, no stdin; the helper's own are back afterwards.
     */
    private static int asItsOwnProcess(PrintStream out, PrintStream err, boolean interactive, String columns, IntSupplier work) {
        PrintStream ownOut = System.out;
        PrintStream ownErr = System.err;
        InputStream ownIn = System.in;
        System.setOut(out);
        System.setErr(err);
        System.setIn(InputStream.nullInputStream());
        Console.serve(out, err, interactive, columns);
        try {
            return work.getAsInt();
        } finally {
            out.flush();
            err.flush();
            Console.release();
            System.setOut(ownOut);
            System.setErr(ownErr);
            System.setIn(ownIn);
        }
    }

    /** Runs {@code work} with every output stream discarded. */
    private static void quietly(Runnable work) {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        asItsOwnProcess(nowhere, nowhere, false, null, () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                // a warm-up only: a served command meets the same problem and reports it
            }
            return ExitCode.OK;
        });
    }

    private static void removeIfOurs(Path cardFile, HelperCard card) {
        try {
            if (HelperCard.read(cardFile).equals(Optional.of(card))) {
                Files.deleteIfExists(cardFile);
            }
        } catch (IOException e) {
            // a card nobody answers to is as good as none
        }
    }

    private void say(String line) {
        log.println(Instant.now() + " helper " + ProcessHandle.current().pid() + ": " + line);
        log.flush();
    }
}
