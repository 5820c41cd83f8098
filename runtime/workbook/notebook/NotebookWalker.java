package workbook.notebook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import workbook.terminal.Console;
import workbook.terminal.Console.Style;
import workbook.terminal.KeyPrompt;
import workbook.terminal.SlowWorkNotice;

/**
 * Walks a notebook with the learner: prose, then each step's code and a choice of keys (run, skip, run
 * again, back, jump, list, own code, quit). Code typed between cells runs on the same database and JShell.
 * A step that fails (or is stopped) holds the walk there: the prose after it assumes it worked, so the
 * learner runs it again, fixes things with own code in its session, or skips it knowingly.
 */
final class NotebookWalker {
    private static final String KEYS = "Enter run · s skip · r run again · b back · j jump · l list · : your own SQL/Java · q quit";
    private static final String FAILED_KEYS = "Enter run it again · : your own SQL/Java in its session · s skip it (the steps after may fail too)"
            + " · b back · j jump · l list · q quit";

    private final Notebook notebook;
    private final CellRunner runner;
    private final NotebookView view;
    private final Console console;
    private final KeyPrompt keys;
    private final List<CodeCell> steps;
    private final RunResults results;
    private final WalkBookmark bookmark;

    NotebookWalker(Notebook notebook, CellRunner runner, NotebookView view, Console console, KeyPrompt keys, WalkBookmark bookmark) {
        this.bookmark = bookmark;
        this.notebook = notebook;
        this.runner = runner;
        this.view = view;
        this.console = console;
        this.keys = keys;
        this.steps = notebook.steps();
        this.results = new RunResults(notebook);
    }

    /** Set when q or Ctrl-C is pressed at a prose page's "more" line: the walk ends before the next step. */
    private boolean quitWhilePaging;

    RunResults walk(CodeCell start) {
        int at = start == null ? 0 : start.step() - 1;
        showProseBefore(at);
        boolean showStep = true;
        while (true) {
            if (quitWhilePaging) {
                return leave(at);
            }
            boolean atEnd = at >= steps.size();
            // saved as each step is reached, so a killed walk keeps its place too
            bookmark.at(at);
            boolean failedHere = !atEnd && results.latest(steps.get(at)).map(NotebookWalker::stopsTheWalk).orElse(false);
            if (showStep && !atEnd) {
                console.line(view.step(steps.get(at), steps.size()));
            }
            showStep = true;
            if (failedHere) {
                console.line(console.style(Style.YELLOW, "Step " + (at + 1) + " did not work, and the steps after it build on it."));
            }
            console.keys(atEnd ? "End of the lesson. Enter or q leaves · b back · j jump · l list · : your own SQL/Java"
                    : failedHere ? FAILED_KEYS : KEYS);
            int key = keys.key();
            switch (key) {
                case KeyPrompt.ENTER -> {
                    if (atEnd) {
                        return results;
                    }
                    if (run(steps.get(at))) {
                        // done means it ran and worked: a skipped or failed step is not counted
                        bookmark.passed(at + 1);
                        at = forward(at);
                    } else {
                        showStep = false;
                    }
                }
                case 's' -> {
                    if (!atEnd) {
                        if (failedHere) {
                            console.note("Skipped step " + (at + 1) + ", which did not work: the steps after it may fail too.");
                        }
                        at = forward(at);
                    } else {
                        showStep = false;
                    }
                }
                case 'r' -> {
                    showStep = false;
                    if (atEnd) {
                        console.note("Nothing to run again at the end: b goes back to the last step.");
                    } else if (results.latest(steps.get(at)).isPresent()) {
                        run(steps.get(at));
                    } else {
                        console.note("Step " + (at + 1) + " has not run yet: Enter runs it.");
                    }
                }
                case 'b' -> at = Math.max(0, at - 1);
                case 'j' -> {
                    Integer target = askStep();
                    if (target != null) {
                        at = target;
                        showProseBefore(at);
                    } else {
                        showStep = false;
                    }
                }
                case 'l' -> {
                    console.line(stepList(at));
                    showStep = false;
                }
                case ':' -> {
                    ownCode(atEnd ? "sql" : steps.get(at).language(), steps.get(Math.min(at, steps.size() - 1)));
                }
                case 'q', KeyPrompt.QUIT -> {
                    return leave(at);
                }
                default -> showStep = false;
            }
        }
    }

    private RunResults leave(int at) {
        int step = Math.min(at + 1, steps.size());
        console.line(bookmark.kept()
                ? "Left at step " + step + ". Come back with `./jbang " + bookmark.name() + "`: it offers to continue here."
                : "Left at step " + step + ". Come back with --from " + step + ".");
        return results;
    }

    /** Runs a step and shows its output; false when it failed or was stopped, so the walk stays there. */
    private boolean run(CodeCell cell) {
        CellRun run = timed(cell, "Running step " + cell.step());
        results.record(run);
        console.line(view.output(run.output()));
        console.line("");
        return !stopsTheWalk(run);
    }

    /** A failure the lesson did not expect, or a Ctrl-C: what comes next assumes this step worked. */
    private static boolean stopsTheWalk(CellRun run) {
        return run.output().failed() || run.output().outcome() == CellOutput.Outcome.CANCELLED;
    }

    /** Runs a cell with Ctrl-C bound to stopping it, and a spinner if it takes a while. */
    private CellRun timed(CodeCell cell, String what) {
        sayIfStarting(cell.language());
        try (SlowWorkNotice notice = SlowWorkNotice.after(700, what + " (Ctrl-C stops it)")) {
            return keys.interruptible(() -> runner.run(cell), runner::cancel);
        }
    }

    /**
     * JShell starts behind the first screen; a java cell run (or typed) before it is up waits for it, and says
     * so first rather than look frozen.
     */
    private void sayIfStarting(String language) {
        String starting = runner.starting(language);
        if (starting != null) {
            console.line(console.style(Style.DIM, starting + " …"));
        }
    }

    /** Moves to the next step, showing the prose between here and there (or the lesson's last words). */
    private int forward(int at) {
        int next = at + 1;
        showProseBefore(next);
        return next;
    }

    /** The prose cells after step {@code at}'s predecessor up to step {@code at} (or the notebook's end). */
    private void showProseBefore(int at) {
        // the walk has reached step at: saved before its prose, so a quit or a kill while paging keeps it
        bookmark.at(at);
        List<Cell> cells = notebook.cells();
        int end = at < steps.size() ? notebook.indexOf(steps.get(at)) : cells.size();
        int begin = end;
        while (begin > 0 && cells.get(begin - 1) instanceof ProseCell) {
            begin--;
        }
        StringBuilder prose = new StringBuilder();
        for (int i = begin; i < end; i++) {
            prose.append(view.prose((ProseCell) cells.get(i))).append("\n\n");
        }
        page(prose.toString());
    }

    /**
     * Prints prose a screenful at a time, so a long introduction does not scroll past unread; s skips
     * to the code, q (or Ctrl-C) leaves the lesson, as it does at a step.
     */
    private void page(String text) {
        int height = keys.height();
        List<String> lines = text.lines().toList();
        int pageSize = height > 8 ? height - 2 : Integer.MAX_VALUE;
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0 && i % pageSize == 0 && lines.size() - i > 2) {
                console.line(console.style(Style.DIM, "── more: Enter or space reads on · s skips to the code ──"));
                int key = keys.key();
                if (key == 's' || key == 'q' || key == KeyPrompt.QUIT) {
                    quitWhilePaging = key != 's';
                    console.line("");
                    return;
                }
            }
            console.line(lines.get(i));
        }
    }

    private Integer askStep() {
        String answer = keys.line("Step (1-" + steps.size() + " or an id, l lists them): ");
        if (answer == null || answer.isBlank()) {
            return null;
        }
        if (answer.strip().equals("l")) {
            console.line(stepList(-1));
            return askStep();
        }
        return notebook.step(answer).map(s -> s.step() - 1).orElseGet(() -> {
            console.note("No step `" + answer.strip() + "`; l lists them.");
            return null;
        });
    }

    /**
     * Code the learner types between cells, read as psql and JShell read it: SQL runs once a statement ends
     * with `;`, Java once JShell finds the snippet complete; until then a continuation prompt asks for more.
     * `:sql` or `:java` in front switches the language. SQL runs where the step at hand runs (its session=
     * and database=), so a lab's tables, and a transaction a failed step left aborted, are in reach.
     */
    private void ownCode(String stepLanguage, CodeCell near) {
        Map<String, String> where = new LinkedHashMap<>(near.attributes());
        where.keySet().retainAll(Set.of("session", "database"));
        CodeCell sqlPlace = CodeCell.typed("sql", "").withAttributes(where);
        String database = runner.databaseOf(sqlPlace);
        console.line(console.style(Style.DIM, "Your own code. SQL runs in " + runner.whereSqlRuns(sqlPlace)
                + " when a statement ends with ;, Java in the lesson's JShell when the statement is complete."
                + " :sql or :java switches. Ctrl-C drops what you typed; an empty line goes back to the lesson."));
        String current = stepLanguage.equals("java") ? "java" : "sql";
        StringBuilder typed = new StringBuilder();
        while (true) {
            boolean first = typed.length() == 0;
            String prompt = current.equals("sql") ? database + (first ? "=> " : "-> ") : first ? "jshell> " : "   ...> ";
            String line = keys.line(prompt);
            if (line == null && !first) {
                typed.setLength(0); // Ctrl-C drops the statement being typed, as in psql and JShell
                continue;
            }
            if (line == null || first && line.isBlank()) {
                return;
            }
            if (first) {
                String code = line.strip();
                for (String prefix : List.of("sql", "java")) {
                    if (code.startsWith(":" + prefix)) {
                        current = prefix;
                        line = code.substring(prefix.length() + 1).strip();
                    }
                }
                if (line.isBlank()) {
                    continue;
                }
            }
            typed.append(first ? "" : "\n").append(line);
            sayIfStarting(current);
            if (!runner.complete(current, typed.toString())) {
                continue;
            }
            CodeCell cell = CodeCell.typed(current, typed.toString().strip());
            typed.setLength(0);
            CellRun run = timed(current.equals("sql") ? cell.withAttributes(where) : cell, "Running your " + current);
            results.record(run);
            console.line(view.output(run.output()));
        }
    }

    private String stepList(int current) {
        return steps.stream().map(s -> {
            String mark = s.step() - 1 == current ? "▶" : results.latest(s).map(r -> stopsTheWalk(r) ? "✗" : "✓").orElse(" ");
            return String.format("%s %3d  %-5s %s", mark, s.step(), s.language(), s.title());
        }).collect(Collectors.joining("\n"));
    }
}
