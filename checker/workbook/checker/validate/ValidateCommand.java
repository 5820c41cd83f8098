package workbook.checker.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import workbook.ExitCode;
import workbook.UserError;
import workbook.WorkbookHome;
import workbook.checker.task.TaskSet;
import workbook.db.DatabaseOptions;
import workbook.db.LiveDatabase;
import workbook.db.RunningServer;
import workbook.terminal.Console;

/**
 * {@code ./jbang validate LESSON}: tells an instructor whether a lesson and its exercise set are sound,
 * as rustlings' `dev check` does: the files first (catalog, notebook, tasks.toml), then every cell and
 * every solution and starter on scratch databases. One line per problem, file:line first.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        header = "Check a lesson or exercise set you wrote: its files, then every cell and exercise on scratch databases.",
        description = {"LESSON is a lesson or exercise set (lesson3, lesson3-updated-at), a notebook file, or a folder",
                "(an exercise set's, lessons/, or a whole checkout). Checked: jbang-catalog.json names lessons and scripts that",
                "exist; the notebook parses and every cell runs as it expects; tasks.toml has only known fields and check",
                "kinds, and hints for every task; every solution passes and every starter does not yet. Your crm_db is not touched.",
                "Prints one line per problem (file:line: message). Exit 0 when sound, 1 when a problem was found, 2 for bad input,",
                "3 when no database answers."})
public class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "LESSON", description = "The lesson or exercise set, a notebook file, or a folder.")
    String lesson;

    @Option(names = "--all", description = "Every lesson and exercise set of this checkout.")
    boolean all;

    @Option(names = "--no-run", description = "Check the files only: run no cell and no exercise (no database needed).")
    boolean noRun;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    Console console = Console.system();

    /** Prints to this console instead of the system's (tests read what an instructor would see). */
    public ValidateCommand printingTo(Console other) {
        this.console = other;
        return this;
    }

    @Override
    public Integer call() throws Exception {
        if ((lesson == null) == !all) {
            throw UserError.badInput("Name one lesson or exercise set (`validate lesson3`), or pass --all for every one.");
        }
        Targets targets = all ? Targets.everything(WorkbookHome.locate()) : Targets.of(lesson);
        Path root = targets.home().root();
        List<Problem> problems = new ArrayList<>();
        if (Files.isRegularFile(root.resolve(CatalogProblems.FILE))) {
            problems.addAll(CatalogProblems.of(root));
        }
        List<TaskSet> sound = new ArrayList<>();
        for (Path tasks : targets.taskFiles()) {
            TaskFileProblems.Found found = TaskFileProblems.of(root, tasks);
            problems.addAll(found.problems());
            found.set().filter(set -> found.problems().isEmpty()).ifPresent(sound::add);
        }
        Optional<RunningServer> server = noRun ? Optional.empty() : Optional.of(LiveDatabase.ensureUp(database));
        for (Path notebook : targets.notebooks()) {
            server.ifPresent(s -> console.info("Running every cell of " + root.relativize(notebook) + " on a scratch database …"));
            problems.addAll(new NotebookProblems(targets.home(), notebook).check(server.isPresent()));
        }
        if (server.isPresent()) {
            for (TaskSet set : sound) {
                console.info("Running the solutions and starters of exercises/" + set.lesson() + " in scratch copies …");
                problems.addAll(ExerciseProblems.of(root, set, server.get()));
            }
        }
        problems.forEach(p -> console.line(p.toString()));
        String what = targets.describe(noRun);
        if (problems.isEmpty()) {
            console.ok("Sound: " + what + ".");
            return ExitCode.OK;
        }
        console.fail(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in " + what + ".");
        return ExitCode.CHECKS_FAILED;
    }

    /** What one run validates: notebooks and tasks.toml files, in the checkout {@code home}. */
    record Targets(WorkbookHome home, List<Path> notebooks, List<Path> taskFiles) {

        static Targets everything(WorkbookHome home) {
            List<Path> notebooks = CatalogProblems.notebooks(home.root()).stream().map(n -> home.lessonsDir().resolve(n + ".md")).toList();
            return new Targets(home, notebooks, taskFilesIn(home.exercisesDir()));
        }

        /** A lesson's name (its notebook and its exercise set, whichever exist), a notebook file, or a folder. */
        static Targets of(String lesson) {
            Path path = Path.of(lesson);
            boolean isPath = lesson.endsWith(".md") || lesson.contains("/") || lesson.contains("\\") || lesson.equals(".");
            if (!isPath) {
                WorkbookHome home = WorkbookHome.locate();
                Path notebook = home.lessonsDir().resolve(lesson + ".md");
                Path tasks = home.exercisesDir().resolve(lesson).resolve("tasks.toml");
                List<Path> notebooks = Files.isRegularFile(notebook) ? List.of(notebook) : List.of();
                List<Path> taskFiles = Files.isRegularFile(tasks) ? List.of(tasks) : List.of();
                if (!lesson.matches("[A-Za-z0-9_-]+") || notebooks.isEmpty() && taskFiles.isEmpty()) {
                    throw UserError.badInput("No lesson or exercise set `" + lesson + "` (no lessons/" + lesson + ".md, no exercises/" + lesson
                            + "/tasks.toml). Lessons: " + String.join(", ", CatalogProblems.notebooks(home.root())) + ".");
                }
                return new Targets(home, notebooks, taskFiles);
            }
            WorkbookHome home = homeOf(path);
            if (Files.isRegularFile(path) && lesson.endsWith(".md")) {
                return new Targets(home, List.of(path.toAbsolutePath().normalize()), List.of());
            }
            if (Files.isRegularFile(path.resolve("tasks.toml"))) {
                return new Targets(home, List.of(), List.of(path.resolve("tasks.toml").toAbsolutePath().normalize()));
            }
            if (Files.isRegularFile(path.resolve(CatalogProblems.FILE))) {
                return everything(home);
            }
            throw UserError.badInput("No lesson at " + lesson + ": give a notebook (.md), an exercise set's folder (with tasks.toml),"
                    + " a checkout, or a lesson's name such as lesson3.");
        }

        /** The checkout a file or folder belongs to: the nearest folder upwards holding jbang-catalog.json. */
        private static WorkbookHome homeOf(Path path) {
            for (Path p = path.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve(CatalogProblems.FILE))) {
                    return new WorkbookHome(p);
                }
            }
            return WorkbookHome.locate();
        }

        private static List<Path> taskFilesIn(Path exercises) {
            try (Stream<Path> folders = Files.list(exercises)) {
                return folders.map(f -> f.resolve("tasks.toml")).filter(Files::isRegularFile).sorted().toList();
            } catch (IOException e) {
                return List.of();
            }
        }

        String describe(boolean noRun) {
            List<String> parts = new ArrayList<>();
            notebooks.forEach(n -> parts.add(home.root().relativize(n).toString()));
            taskFiles.forEach(t -> parts.add(home.root().relativize(t.getParent()) + "/"));
            return String.join(", ", parts) + (noRun ? " (files only: no cell or exercise run)" : "");
        }
    }
}
