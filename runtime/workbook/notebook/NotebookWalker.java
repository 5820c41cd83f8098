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
 */
final class NotebookWalker {
    private static final String KEYS = "Enter run · s skip · r run again · b back · j jump · l list · : your own SQL/Java · q quit";

    private final Notebook notebook;
    private final CellRunner runner;
    private final NotebookView view;
    private final Console console;
    private final KeyPrompt keys;
    private final List<CodeCell> steps;
    private final RunResults results;
    private CodeCell lastRun;

    NotebookWalker(Notebook notebook, CellRunner runner, NotebookView view, Console console, KeyPrompt keys) {
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
            if (showStep && !atEnd) {
                console.line(view.step(steps.get(at), steps.size()));
            }
            showStep = true;
            console.keys(atEnd ? "End of the lesson. Enter or q leaves · b back · j jump · l list · : your own SQL/Java" : KEYS);
            int key = keys.key();
            switch (key) {
                case KeyPrompt.ENTER -> {
                    if (atEnd) {
                        return results;
                    }
                    run(steps.get(at));
                    at = forward(at);
                }
                case 's' -> {
                    if (!atEnd) {
                        at = forward(at);
                    } else {
                        showStep = false;
                    }
                }
                case 'r' -> {
                    if (lastRun != null) {
                        console.line(view.step(lastRun, steps.size()));
                        run(lastRun);
                    } else {
                        console.note("Nothing ran yet: Enter runs this step.");
                        showStep = false;
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
        console.line("Left at step " + step + ". Come back with --from " + step + ".");
        return results;
    }

    private void run(CodeCell cell) {
        CellRun run = timed(cell, "Running step " + cell.step());
        results.record(run);
        lastRun = cell;
        console.line(view.output(run.output()));
        console.line("");
    }

    /** Runs a cell with Ctrl-C bound to stopping it, and a spinner if it takes a while. */
    private CellRun timed(CodeCell cell, String what) {
        try (SlowWorkNotice notice = SlowWorkNotice.after(700, what + " (Ctrl-C stops it)")) {
            return keys.interruptible(() -> runner.run(cell), runner::cancel);
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
     * Lines of code the learner types between cells; `:sql` or `:java` in front switches the language.
     * SQL runs where the step at hand runs (its session= and database=), so a lab's tables are in reach.
     */
    private void ownCode(String stepLanguage, CodeCell near) {
        Map<String, String> where = new LinkedHashMap<>(near.attributes());
        where.keySet().retainAll(Set.of("session", "database"));
        String language = stepLanguage.equals("java") ? "java" : "sql";
        String place = (where.containsKey("database") ? " (sql on " + where.get("database") : " (sql on crm_db")
                + (where.containsKey("session") ? ", session " + where.get("session") + ")" : ")");
        console.line(console.style(Style.DIM, "Your own code on the same database" + place + ": " + language
                + " by default, start a line with :sql or :java to switch. An empty line goes back to the lesson."));
        String current = language;
        while (true) {
            String line = keys.line(current + "> ");
            if (line == null || line.isBlank()) {
                return;
            }
            String code = line.strip();
            for (String prefix : List.of("sql", "java")) {
                if (code.startsWith(":" + prefix)) {
                    current = prefix;
                    code = code.substring(prefix.length() + 1).strip();
                }
            }
            if (code.isEmpty()) {
                continue;
            }
            CodeCell typed = CodeCell.typed(current, code);
            CellRun run = timed(current.equals("sql") ? typed.withAttributes(where) : typed, "Running your " + current);
            results.record(run);
            console.line(view.output(run.output()));
        }
    }

    private String stepList(int current) {
        return steps.stream().map(s -> {
            String mark = s.step() - 1 == current ? "▶" : results.latest(s).map(r -> r.output().failed() ? "✗" : "✓").orElse(" ");
            return String.format("%s %3d  %-5s %s", mark, s.step(), s.language(), s.title());
        }).collect(Collectors.joining("\n"));
    }
}
