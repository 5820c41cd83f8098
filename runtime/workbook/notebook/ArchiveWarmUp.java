package workbook.notebook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import workbook.FileTrees;
import workbook.WorkbookHome;
import workbook.progress.NotebookProgress;
import workbook.progress.ProgressStore;
import workbook.terminal.Console;
import workbook.terminal.KeyPrompt;

/**
 * Makes the class-data archive cover the walk's first screen whichever lesson command made it. JBang's
 * //CDS dumps the archive at the exit of the first run after a build, with the classes that run loaded (the
 * launcher's static archive is made from the classes the next run loaded, likewise): a
 * `--list` or `--run-all` opens no terminal, renders no prose page and reads no progress, so every later
 * walk loaded those classes from the jars again (~0.3 s of CPU before its first screen). In that one
 * dumping run this does the first screen's work without a screen: a JLine terminal on a pseudo-terminal of
 * its own, the first page rendered into nothing, the progress file's reader on a scratch folder.
 */
final class ArchiveWarmUp {
    private ArchiveWarmUp() {
    }

    /** In the run that dumps the archive only; nothing it does is seen, and no failure of it matters. */
    static void whenDumping(Notebook notebook) {
        if (!dumpingArchive()) {
            return;
        }
        try {
            terminal();
            firstPage(notebook);
            progress();
        } catch (Exception | LinkageError e) {
            // the archive then covers less, and the walk loads the rest from the jars as it always could
        }
    }

    /**
     * Whether this run dumps JBang's dynamic archive at its exit or lists its classes for the launcher's static
     * one (`./jbang`, run_cached). Read from the JVM's own options: ProcessHandle's command line is cut at 4 KB on
     * Linux, before a long class path ends.
     */
    private static boolean dumpingArchive() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit") || a.startsWith("-XX:DumpLoadedClassList"));
    }

    /** The terminal classes the walk's own terminal uses (JNI, a pty, raw mode), on a pty nobody reads. */
    private static void terminal() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(false).dumb(false)
                .jni(true).ffm(false).jansi(false).jna(false).exec(false)
                .streams(InputStream.nullInputStream(), OutputStream.nullOutputStream()).build();
             KeyPrompt keys = new KeyPrompt(terminal)) {
            keys.height();
        }
    }

    /** The prose before the first step and the step itself, laid out as the walk shows them, into nothing. */
    private static void firstPage(Notebook notebook) {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        NotebookView view = new NotebookView(new Console(nowhere, nowhere, true, () -> 80), new Placeholders(Map.of()));
        for (Cell cell : notebook.cells()) {
            if (cell instanceof ProseCell prose) {
                nowhere.println(view.prose(prose));
            } else if (cell instanceof CodeCell code) {
                nowhere.println(view.step(code, notebook.steps().size()));
                return;
            }
        }
    }

    /** The progress store read and written, in a folder of its own: the learner's file is not touched. */
    private static void progress() throws IOException {
        Path scratch = Files.createTempDirectory("workbook-archive-");
        try {
            ProgressStore store = new ProgressStore(new WorkbookHome(scratch), said -> { });
            store.update(p -> p.withNotebook("warm-up", new NotebookProgress(1, 0, 1)));
            store.read();
        } finally {
            FileTrees.deleteTree(scratch);
        }
    }
}
