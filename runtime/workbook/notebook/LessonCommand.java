package workbook.notebook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import workbook.WorkbookHome;
import workbook.cli.ExitCode;
import workbook.cli.UserError;
import workbook.db.DatabaseOptions;
import workbook.db.LiveDatabase;
import workbook.db.RunningDatabase;
import workbook.terminal.Console;
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

    @Option(names = "--export", paramLabel = "FILE", description = "After the run, write the lesson with its outputs to FILE.ipynb (Jupyter) or FILE.md.")
    Path export;

    @Mixin
    DatabaseOptions database;

    private final List<CellKind> extraKinds = new ArrayList<>();
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
        boolean interactive = !runAll && Console.isInteractive();
        if (!runAll && !list && !interactive) {
            throw UserError.badInput("No terminal to walk `" + lesson + "` in: run it in a terminal, or pass --run-all to run every cell (--list shows the steps).");
        }
        try (CellKinds kinds = new CellKinds()) {
            int width = TerminalWidth.columns(0);
            kinds.register(new SqlCellKind(width));
            extraKinds.forEach(kinds::register);
            Notebook notebook = new NotebookParser(kinds.languages()).parse(file);
            if (list) {
                console.line(notebook.title());
                console.line(new NotebookView(console, width, new Placeholders(java.util.Map.of())).stepList(notebook));
                return ExitCode.OK;
            }
            CodeCell start = from == null ? null : notebook.step(from).orElseThrow(() -> UserError.badInput(
                    "No step `" + from + "` in " + notebook.name() + ": give a number from 1 to " + notebook.steps().size()
                            + " or an id (see --list)."));
            checkExportTarget();
            RunningDatabase db = LiveDatabase.ensureUp(database);
            try (Connection connection = connect(db)) {
                NotebookContext context = new NotebookContext(home, db, connection, file);
                Placeholders placeholders = Placeholders.of(db);
                CellRunner runner = new CellRunner(kinds, context, placeholders);
                RunResults results;
                if (interactive) {
                    throw UserError.badInput("interactive mode comes next");
                } else {
                    results = new RunAll(notebook, runner, new NotebookView(console, width, placeholders), console).run(start);
                }
                if (export != null) {
                    new NotebookExport(results, placeholders).writeTo(export);
                    console.ok("Wrote " + export);
                }
                return interactive ? ExitCode.OK : summary(console, results, start);
            }
        }
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

    private static Connection connect(RunningDatabase db) {
        var info = db.connection();
        try {
            Connection connection = DriverManager.getConnection(info.jdbcUrl(), info.user(), info.password());
            connection.setAutoCommit(true);
            return connection;
        } catch (SQLException e) {
            throw UserError.environment("Cannot connect to " + info.jdbcUrl() + " as " + info.user() + ": " + e.getMessage()
                    + " Is the database up? `./jbang db status` tells.", e);
        }
    }
}
