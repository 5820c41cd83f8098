package workbook.checker.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import workbook.UserError;
import workbook.WorkbookHome;
import workbook.checker.CheckCellKind;
import workbook.notebook.CellRun;
import workbook.notebook.CodeCell;
import workbook.notebook.Notebook;
import workbook.notebook.NotebookParser;
import workbook.notebook.Output;
import workbook.notebook.RunResults;
import workbook.notebook.ScratchRun;

/**
 * A lesson notebook as `validate` sees it: it parses (ids unique, attributes known), its ids are names,
 * its check cells name exercise sets that exist, and, given a server, every cell runs as the lesson
 * expects on scratch databases of its own ({@link ScratchRun}), crm_db untouched.
 */
final class NotebookProblems {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern AT_LINE = Pattern.compile("^.*?:(\\d+): (.*)$", Pattern.DOTALL);

    private final WorkbookHome home;
    private final Path file;
    private final String shown;
    private final List<Problem> problems = new ArrayList<>();

    NotebookProblems(WorkbookHome home, Path file) {
        this.home = home;
        this.file = file;
        Path absolute = file.toAbsolutePath().normalize();
        this.shown = absolute.startsWith(home.root()) ? home.root().relativize(absolute).toString() : file.toString();
    }

    /** The problems of the notebook; with {@code runCells}, its cells run on a server of their own ({@link ScratchRun}). */
    List<Problem> check(boolean runCells) {
        try (ScratchRun run = new ScratchRun(List.of(new CheckCellKind()))) {
            Notebook notebook;
            try {
                String name = file.getFileName().toString().replaceFirst("\\.md$", "");
                notebook = new NotebookParser(run.languages()).parse(name, shown, Files.readString(file));
            } catch (UserError e) {
                // the parser names the place as file:line already
                Matcher m = AT_LINE.matcher(e.getMessage());
                problems.add(m.matches() ? new Problem(shown, Integer.parseInt(m.group(1)), m.group(2)) : new Problem(shown, 1, e.getMessage()));
                return problems;
            } catch (IOException e) {
                problems.add(new Problem(shown, 1, "cannot be read: " + e.getMessage()));
                return problems;
            }
            checkCells(notebook);
            if (problems.isEmpty() && runCells) {
                RunResults results = run.run(home, file, notebook);
                results.failures().forEach(failed -> problems.add(new Problem(shown, failed.cell().line(), failure(failed))));
            }
        }
        return problems;
    }

    private void checkCells(Notebook notebook) {
        if (notebook.steps().isEmpty()) {
            problems.add(new Problem(shown, 1, "no code cells: a lesson needs at least one ```sql or ```java fence"));
        }
        for (CodeCell cell : notebook.steps()) {
            if (cell.id() != null && !ID.matcher(cell.id()).matches()) {
                problems.add(new Problem(shown, cell.line(), "the id `" + cell.id() + "` is not a name: use lower-case letters, digits and hyphens (id=create-users)"));
            }
            if (cell.source().isBlank()) {
                problems.add(new Problem(shown, cell.line(), "step " + cell.step() + " has no code"));
            }
            if (cell.language().equals("check")) {
                String set = cell.source().strip().split("\\s+")[0];
                if (!Files.isRegularFile(home.exercisesDir().resolve(set).resolve("tasks.toml"))) {
                    problems.add(new Problem(shown, cell.line(), "the check cell names the exercise set " + set + ", but exercises/" + set + "/tasks.toml does not exist"));
                }
            }
        }
    }

    /** "step 4 (Create the users table (create-users)) failed: 42P07: relation "users" already exists". */
    private static String failure(CellRun run) {
        String step = "step " + run.cell().step() + " (" + run.cell().title() + ")";
        if (run.cell().expectsError()) {
            return step + " has expect=error but ran without an error";
        }
        return run.output().outputs().stream().filter(Output.Error.class::isInstance).map(Output.Error.class::cast).findFirst()
                .map(e -> step + " failed: " + e.name() + ": " + e.message().lines().findFirst().orElse(""))
                .orElse(step + " failed");
    }
}
