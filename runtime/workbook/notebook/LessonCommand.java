package workbook.notebook;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jline.terminal.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import workbook.WorkbookHome;
import workbook.ExitCode;
import workbook.UserError;
import workbook.db.DatabaseOptions;
import workbook.db.ServerProvider;
import workbook.db.DatabaseSettings;
import workbook.db.LiveDatabase;
import workbook.db.RunningServer;
import workbook.db.ScratchServer;
import workbook.progress.ProgressStore;
import workbook.terminal.Console;
import workbook.terminal.KeyPrompt;
import workbook.terminal.SystemTerminal;
import workbook.terminal.TerminalWidth;

/** `./jbang lesson3`: walks a lesson notebook in the terminal, or runs, lists or exports it. */
@Command(name = "lesson", mixinStandardHelpOptions = true,
        description = "Walk a lesson notebook (lessons/NAME.md) step by step on your live database.")
public class LessonCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "LESSON", description = "The lesson's name (lesson3) or a notebook file (path/to/notes.md).")
    String lesson;

    @Option(names = "--run-all", description = "Run every cell without questions; exit 1 if a cell not expected to fail failed.")
    boolean runAll;

    @Option(names = "--from", paramLabel = "STEP", description = "Start at this step: its number or its id (see --list).")
    String from;

    @Option(names = "--list", description = "Print the steps and exit.")
    boolean list;

    @Option(names = "--export", paramLabel = "FILE", description = "Run the lesson on a PostgreSQL of its own (your crm_db untouched) and write it with its outputs to FILE.ipynb (Jupyter) or FILE.md.")
    Path export;

    @Mixin
    DatabaseOptions database;

    private final List<CellKind> extraKinds = new ArrayList<>();
    /** The provider chosen for this run, once chosen (server cells restart it). */
    private ServerProvider server;
    /** The walk's terminal once open, for the width tables are laid out at. */
    private volatile Terminal terminal;
    private Console console = Console.system();

    /** Adds a cell kind from outside the runtime (the checker's `check`), for the entry script. */
    public LessonCommand withKind(CellKind kind) {
        extraKinds.add(kind);
        return this;
    }

    /** Prints to this console instead of the system's (tests read what a learner would see). */
    public LessonCommand printingTo(Console other) {
        this.console = other;
        return this;
    }

    @Override
    public Integer call() throws Exception {
        WorkbookHome home = WorkbookHome.locate();
        Path file = notebookFile(home);
        boolean interactive = !runAll && !list && Console.isInteractive();
        if (!runAll && !list && !interactive) {
            throw UserError.badInput("No terminal to walk `" + lesson + "` in: run it in a terminal, or pass --run-all to run every cell (--list shows the steps).");
        }
        checkExportTarget();
        CellKinds kinds = new CellKinds();
        // read at each use, not once: a terminal resized during the lesson gets the next table at its new width
        kinds.register(new SqlCellKind(() -> TerminalWidth.forTables(columns())));
        kinds.register(new JavaCellKind());
        kinds.register(new ServerCellKind(() -> server));
        extraKinds.forEach(kinds::register);
        // the walk parses the notebook while its terminal opens (JLine loads its native library, starts its
        // logging and parses the terminal's capabilities): the first screen needs both, and on two cores neither
        // need wait for the other
        Supplier<Notebook> parse = () -> new NotebookParser(kinds.languages()).parse(file);
        CompletableFuture<Notebook> parsing = interactive ? CompletableFuture.supplyAsync(parse) : CompletableFuture.completedFuture(parse.get());
        // an export runs on a server of its own: what it shows is the lesson's, not the learner's database
        try (CellKinds closedLast = kinds; Terminal terminal = interactive ? openTerminal() : null;
             ScratchServer scratch = export == null || list ? null : ScratchServer.start(DatabaseSettings.fromEnvironment());
             LessonDatabase live = new LessonDatabase(home, file, scratch != null ? scratch::running : this::liveServer)) {
            this.terminal = terminal;
            Notebook notebook = parsed(parsing);
            if (terminal == null) {
                ArchiveWarmUp.whenDumping(notebook);
            }
            if (list) {
                console.line(notebook.title());
                console.line(NotebookView.stepList(notebook));
                return ExitCode.OK;
            }
            CodeCell start = from == null ? null : notebook.step(from).orElseThrow(() -> UserError.badInput(
                    "No step `" + from + "` in " + notebook.name() + ": give a number from 1 to " + notebook.steps().size()
                            + " or an id (see --list)."));
            if (scratch != null) {
                server = scratch.provider();
            }
            Placeholders placeholders = scratch != null ? Placeholders.forExport() : Placeholders.whenNeeded(live::server);
            CellRunner runner = new CellRunner(kinds, live::context, placeholders);
            RunResults results;
            Console out = console;
            if (terminal != null) {
                PrintStream screen = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
                out = new Console(screen, screen, Console.colourWanted(), this::columns);
                NotebookView view = new NotebookView(out, placeholders);
                // the first screen needs the notebook and the progress file only; the database is reached (and a
                // stopped server started, with its progress shown) once it is painted, before the first key is read
                try (KeyPrompt keys = new KeyPrompt(terminal).beforeFirstWait(() -> {
                    live.context();
                    prepareBehind(runner, notebook);
                })) {
                    WalkBookmark bookmark = bookmark(home, file, notebook, out);
                    if (start == null && bookmark.kept()) {
                        int step = ResumeOffer.ask(notebook, new ProgressStore(home, out::note).read().notebook(bookmark.name()), out, keys);
                        if (step == ResumeOffer.QUIT) {
                            return ExitCode.OK;
                        }
                        start = step > 1 ? notebook.steps().get(step - 1) : null;
                    }
                    runPrerequisites(notebook, start, runner, out);
                    results = new NotebookWalker(notebook, runner, view, out, keys, bookmark).walk(start);
                }
            } else {
                live.context();
                runner.prepare(notebook);
                runPrerequisites(notebook, start, runner, out);
                results = new RunAll(notebook, runner, new NotebookView(out, placeholders), out).run(start);
            }
            if (export != null) {
                new NotebookExport(results, placeholders).writeTo(export);
                out.ok("Wrote " + export + " (" + results.history().size() + " cell runs).");
            }
            return terminal != null ? ExitCode.OK : summary(out, results, start);
        }
    }

    /** The terminal's width now, 0 without one. */
    private int columns() {
        Terminal shown = terminal;
        return shown == null ? 0 : shown.getWidth();
    }

    /** The parsed notebook, or what parsing threw (a UserError for a notebook that does not parse), as thrown. */
    private static Notebook parsed(CompletableFuture<Notebook> parsing) {
        try {
            return parsing.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The learner's server, chosen as every command chooses it and started if it is not running. */
    private RunningServer liveServer() {
        server = LiveDatabase.choose(database, DatabaseSettings.fromEnvironment()).server();
        return server.up();
    }

    /**
     * Lets the cell kinds get ready (JShell starts) on a thread of their own while the learner reads: a cell
     * that needs its kind before then waits for it.
     */
    private static void prepareBehind(CellRunner runner, Notebook notebook) {
        Thread preparing = new Thread(() -> runner.prepare(notebook), "cell kinds' preparation");
        preparing.setDaemon(true);
        preparing.start();
    }

    /**
     * Starting midway (`--from`), runs first the earlier steps the start needs (a transaction begun, a
     * variable defined), so the step behaves as it would on a walk from the top; says which, and shows
     * only what failed.
     */
    private static void runPrerequisites(Notebook notebook, CodeCell start, CellRunner runner, Console console) {
        List<CodeCell> needed = start == null ? List.of() : notebook.prerequisites(start);
        if (needed.isEmpty()) {
            return;
        }
        console.info("Step " + start.step() + " needs " + needed.stream().map(c -> "step " + c.step() + " (" + c.id() + ")")
                .collect(Collectors.joining(", ")) + " first: running " + (needed.size() == 1 ? "it" : "them") + " now.");
        for (CodeCell cell : needed) {
            CellRun run = runner.run(cell);
            if (run.output().failed()) {
                console.fail("Step " + cell.step() + " (" + cell.id() + ") failed; step " + start.step() + " may fail too.");
            }
        }
    }

    /**
     * Progress is kept for the lessons and labs of lessons/ (by name), not for a notebook file given by
     * path. --run-all and --list keep none: they leave the bookmark where the last walk put it.
     */
    private static WalkBookmark bookmark(WorkbookHome home, Path file, Notebook notebook, Console out) {
        boolean ofTheCourse = file.toAbsolutePath().normalize().getParent().equals(home.lessonsDir().toAbsolutePath().normalize());
        return ofTheCourse ? WalkBookmark.of(new ProgressStore(home, out::note), notebook.name(), notebook) : WalkBookmark.none();
    }

    /** The system terminal through JLine; a dumb one cannot give single keys. */
    private static Terminal openTerminal() throws java.io.IOException {
        Terminal terminal = SystemTerminal.open();
        if (Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())) {
            terminal.close();
            throw UserError.badInput("This terminal cannot take single keys: pass --run-all to run every cell without questions.");
        }
        return terminal;
    }

    private int summary(Console console, RunResults results, CodeCell start) {
        List<CellRun> failures = results.failures();
        int ran = results.history().size();
        if (failures.isEmpty()) {
            console.ok("All " + ran + " steps of " + results.notebook().name() + " ran" + (start == null ? "" : " from step " + start.step()) + ".");
            return ExitCode.OK;
        }
        console.fail(failures.size() + " of " + ran + " steps failed: " + failures.stream()
                .map(r -> "step " + r.cell().step() + " (" + r.cell().title() + ")").collect(Collectors.joining(", ")));
        return ExitCode.CHECKS_FAILED;
    }

    private Path notebookFile(WorkbookHome home) {
        boolean isPath = lesson.endsWith(".md") || lesson.contains("/") || lesson.contains("\\");
        Path file = isPath ? Path.of(lesson) : home.lessonsDir().resolve(lesson + ".md");
        if (!Files.isRegularFile(file)) {
            throw UserError.badInput("No lesson `" + lesson + "`: " + file + " does not exist." + known(home));
        }
        return file;
    }

    private static String known(WorkbookHome home) {
        try (var files = Files.list(home.lessonsDir())) {
            String names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md") && !n.equals("README.md"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().collect(Collectors.joining(", "));
            return names.isEmpty() ? "" : " Lessons: " + names + ".";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private void checkExportTarget() {
        if (export != null) {
            String name = export.getFileName().toString();
            if (!name.endsWith(".ipynb") && !name.endsWith(".md")) {
                throw UserError.badInput("Cannot export to " + export + ": the file must end in .ipynb (Jupyter) or .md (Markdown).");
            }
        }
    }
}
