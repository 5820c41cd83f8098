package workbook.cli.helper;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import workbook.WorkbookHome;
import workbook.cli.CommandRunner;

/**
 * The side of a short-lived command process: hands the command to the checkout's helper when one is there
 * and built from the same code, relays its output and exit code, and otherwise lets the command run here
 * and starts a helper for the next one. Only when ./jbang names the code (WORKBOOK_CODE_KEY, set from the
 * launch cache's key); WORKBOOK_LAUNCH_CACHE=0 or WORKBOOK_HELPER=0 leave every command in its own process.
 */
public final class HelperClient {
    /** How long a helper may take to take a request on before the command runs here instead (it may be busy). */
    private static final int ACCEPT_MILLIS = 3000;
    private static final int CONNECT_MILLIS = 1000;

    private HelperClient() {
    }

    /** What became of asking. */
    public enum Outcome {
        /** The helper ran it: {@link Answer#exitCode()} is the command's. */
        SERVED,
        /** Nobody to ask (no code key, helper off, nobody listening): run here, then start a helper. */
        NO_HELPER,
        /** The helper does not run this one (it asks or watches): run here; the helper stays. */
        DECLINED,
        /** The helper was of other code or another environment and quits: run here, then start one. */
        RETIRED,
        /** The helper went away mid-command, output may be half shown: run here, then start one. */
        BROKE
    }

    public record Answer(Outcome outcome, int exitCode) {
        /** Whether a new helper should be started once this command has run here. */
        public boolean wantsHelper() {
            return outcome == Outcome.NO_HELPER || outcome == Outcome.RETIRED || outcome == Outcome.BROKE;
        }
    }

    /**
     * For a script's main whose command the checkout's helper may run: asks it first, before anything of the
     * command is loaded (a class, not an instance or a lambda: each costs a relayed command start-up time); else
     * runs the command here through {@link CommandRunner} and, when no helper was there, starts
     * {@code helperMain} for the next command (null where this class path has none, as for `db`).
     */
    public static void exit(String name, Class<?> command, Class<?> helperMain, String... args) {
        Answer answer = ask(name, args);
        if (answer.outcome() == Outcome.SERVED) {
            System.exit(answer.exitCode());
        }
        int code = CommandRunner.run(name, command, args);  // picocli makes the command from its class
        if (answer.wantsHelper() && helperMain != null) {
            start(helperMain, name, args);
        }
        System.exit(code);
    }

    /** The key ./jbang computed from the code, or null when commands are to run each in their own process. */
    private static String codeKey() {
        String key = System.getenv("WORKBOOK_CODE_KEY");
        return key == null || key.isBlank() || "0".equals(System.getenv("WORKBOOK_HELPER")) ? null : key;
    }

    /** Asks the checkout's helper to run {@code command args}; its output reaches this process's stdout and stderr. */
    public static Answer ask(String command, String... args) {
        // no lambdas on this path: each costs a relayed command a few milliseconds of bootstrap
        String key = codeKey();
        if (key == null) {
            return new Answer(Outcome.NO_HELPER, 0);
        }
        Optional<HelperAddress> address = HelperAddress.of(WorkbookHome.locate().root());
        Optional<HelperCard> card = address.isPresent() ? HelperCard.read(address.get().card()) : Optional.empty();
        if (card.isEmpty()) {
            return new Answer(Outcome.NO_HELPER, 0);
        }
        return ask(card.get(), key, command, args);
    }

    /** Asks the helper {@code card} names, under the code key {@code key}. */
    static Answer ask(HelperCard helper, String key, String command, String... args) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), helper.port()), CONNECT_MILLIS);
            // a helper busy with another command, or stopped, is left: the command runs here
            socket.setSoTimeout(ACCEPT_MILLIS);
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            if (!HelperCard.same(in.readNBytes(HelperCard.SECRET_LENGTH), helper.helperSecret())) {
                return new Answer(Outcome.NO_HELPER, 0);  // not our helper: a dead one's port, taken since; it learns nothing
            }
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            out.write(helper.commandSecret().getBytes(StandardCharsets.US_ASCII));
            new HelperRequest(key, Path.of("").toAbsolutePath().toString(), System.console() != null, System.getenv(),
                    command, List.of(args)).write(out);
            byte first = in.readByte();
            if (first == HelperReply.DECLINED) {
                return new Answer(Outcome.DECLINED, 0);
            }
            if (first != HelperReply.ACCEPTED) {
                return new Answer(Outcome.RETIRED, 0);
            }
            socket.setSoTimeout(0);  // the command takes what it takes
            return relay(in);
        } catch (SocketTimeoutException e) {
            return new Answer(Outcome.DECLINED, 0);  // a living helper, busy with another command for now
        } catch (IOException e) {
            return new Answer(Outcome.NO_HELPER, 0);  // a dead helper's card
        }
    }

    private static Answer relay(DataInputStream in) throws IOException {
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        OutputStream stderr = new FileOutputStream(FileDescriptor.err);
        boolean[] gone = new boolean[2];  // stdout, stderr closed by their reader (`| head`)
        try {
            while (true) {
                byte kind = in.readByte();
                if (kind == HelperReply.EXIT) {
                    return new Answer(Outcome.SERVED, in.readInt());
                }
                byte[] chunk = in.readNBytes(in.readInt());
                int stream = kind == HelperReply.ERR ? 1 : 0;
                if (!gone[stream]) {
                    try {
                        (stream == 1 ? stderr : stdout).write(chunk);
                    } catch (IOException closed) {
                        // as System.out does in a command's own process: the output is dropped, the command goes on
                        gone[stream] = true;
                    }
                }
            }
        } catch (EOFException e) {
            return new Answer(Outcome.BROKE, 0);
        }
    }

    /**
     * Starts the checkout's helper in the background, on this JVM's class path and class-data archive, with
     * its output in .workbook/logs/helper.log; this process does not wait for it. It is told this command, which
     * it may rehearse to warm up.
     */
    public static void start(Class<?> helperMain, String command, String... args) {
        Optional<HelperAddress> address = codeKey() == null ? Optional.empty() : HelperAddress.of(WorkbookHome.locate().root());
        if (address.isEmpty() || helperAlive(address.get())) {
            return;
        }
        try {
            WorkbookHome home = WorkbookHome.locate();
            Files.createDirectories(home.logsDir());
            Path logFile = home.logsDir().resolve("helper.log");
            if (Files.exists(logFile) && Files.size(logFile) > 1 << 20) {  // a line per command: kept to the last megabyte or two
                Files.move(logFile, home.logsDir().resolve("helper.log.old"), StandardCopyOption.REPLACE_EXISTING);
            }
            File log = logFile.toFile();
            List<String> helper = helperCommand(helperMain);
            helper.add(command);
            helper.addAll(List.of(args));
            new ProcessBuilder(helper)
                    .redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '/' ? "/dev/null" : "NUL")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException | RuntimeException e) {
            // no helper: the next command runs in its own process, as this one did
        }
    }

    /** Whether a helper holds the checkout's lock: one warming up, or one a busy command could not reach. */
    private static boolean helperAlive(HelperAddress address) {
        try (FileChannel lock = FileChannel.open(address.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            return lock.tryLock() == null;  // closing the channel lets go of a lock just taken
        } catch (IOException | OverlappingFileLockException e) {
            return true;
        }
    }

    /**
     * This JVM's own options (the entry script's, so its class-data archive too) with C2 back on: the helper
     * lives long enough to repay its compiler. A first run's archive dump is not repeated.
     */
    private static List<String> helperCommand(Class<?> helperMain) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> own = ProcessHandle.current().info().arguments().map(List::of).orElse(List.of());
        for (String option : own) {
            if (option.equals("-cp") || option.equals("-classpath") || !option.startsWith("-")) {
                break;
            }
            if (!option.startsWith("-XX:TieredStopAtLevel") && !option.startsWith("-XX:ArchiveClassesAtExit")) {
                command.add(option);
            }
        }
        command.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path"), helperMain.getName()));
        return command;
    }
}
