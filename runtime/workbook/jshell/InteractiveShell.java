package workbook.jshell;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.tool.JavaShellToolBuilder;
import workbook.FileTrees;
import workbook.db.ConnectionInfo;

/**
 * The real interactive JShell (history, tab completion, /commands) with {@code jdbi} and {@code handle}
 * bound to the learner's database. Snippets run in this process (the workbook's engine, local execution),
 * so the two variables are the live objects opened here, the workbook's classes and libraries are on the
 * class path, and Ctrl-C cancels a running query as well as stopping a loop. Its history and settings live
 * in a file of the checkout, not in java.util.prefs (which logs to the screen on first use and would share
 * them with the learner's own jshell).
 */
public final class InteractiveShell implements AutoCloseable {
    private final SessionDatabase database;
    private Path settingsFile;
    private boolean verbose;

    private InteractiveShell(SessionDatabase database) {
        this.database = database;
    }

    /** Connects first, so a database that does not answer is one clear error before any banner. */
    public static InteractiveShell connect(ConnectionInfo info) {
        return new InteractiveShell(SessionDatabase.open(info));
    }

    /** Keeps JShell's history and settings in {@code file} between runs (without it they last one run). */
    public InteractiveShell keepingSettingsIn(Path file) {
        this.settingsFile = file;
        return this;
    }

    /** With {@code on}, a SQL error shows JShell's full stack traces instead of the notebook's short report. */
    public InteractiveShell verbose(boolean on) {
        this.verbose = on;
        return this;
    }

    /** Runs JShell on this process's terminal until /exit; returns its exit code. */
    public int run() throws Exception {
        return run(System.in, System.out, System.err);
    }

    /** The same on given streams (the tool reads commands and snippet input from {@code in}). */
    public int run(InputStream in, PrintStream out, PrintStream err) throws Exception {
        Path scratch = Files.createTempDirectory("workbook-jshell-");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader withEngine = engineVisible(scratch)) {
            Path startup = Files.writeString(scratch.resolve("startup.jsh"), StartupSnippets.asFile(database.id()), StandardCharsets.UTF_8);
            Map<String, String> settings = ToolSettings.load(settingsFile);
            JavaShellToolBuilder tool = JavaShellToolBuilder.builder().persistence(settings);
            if (in != System.in || out != System.out) {
                tool.in(in, null).out(out).err(err);
            }
            thread.setContextClassLoader(withEngine);
            try {
                return tool.start(arguments(startup, database.id(), !verbose));
            } finally {
                ToolSettings.save(settings, settingsFile);
            }
        } finally {
            thread.setContextClassLoader(previous);
            FileTrees.deleteTree(scratch);
        }
    }

    @Override
    public void close() {
        database.close();
    }

    /**
     * JShell finds a named engine through the ServiceLoader of the thread's context class loader: this one
     * adds a services file naming {@link WorkbookExecution}, and loads everything else from our own loader.
     */
    private static URLClassLoader engineVisible(Path scratch) throws IOException {
        Path services = scratch.resolve("META-INF/services/" + ExecutionControlProvider.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, WorkbookExecution.class.getName() + "\n", StandardCharsets.UTF_8);
        return new URLClassLoader(new URL[] {scratch.toUri().toURL()}, InteractiveShell.class.getClassLoader());
    }

    /** The tool's command line: local execution, our class path, javac as JBang runs it, our startup. */
    static String[] arguments(Path startup, int session, boolean shortSqlErrors) {
        List<String> args = new ArrayList<>(List.of(
                "--execution", WorkbookExecution.spec(session, shortSqlErrors),
                "--class-path", existingEntries(ClassPath.forSnippets()),
                "-C-parameters",
                "--startup", startup.toString()));
        return args.toArray(String[]::new);
    }

    /** The tool refuses a class path with a missing entry, which a build folder not yet made can be. */
    private static String existingEntries(String classPath) {
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> Files.exists(Path.of(entry)))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
