package workbook.checker.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import workbook.FileTrees;
import workbook.WorkbookHome;
import workbook.cli.CommandRunner;
import workbook.terminal.Console;

/**
 * A copy of the checkout's content (catalog, entry scripts, lessons, exercises, solutions) in a folder of
 * the test's, to break on purpose; and `validate` run as an instructor would, its output kept.
 */
final class LessonCopy {
    private static final Path CHECKOUT = WorkbookHome.locate().root();

    final Path root;

    LessonCopy(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
            Files.copy(CHECKOUT.resolve("jbang-catalog.json"), root.resolve("jbang-catalog.json"));
            for (String folder : List.of("lessons", "exercises", "solutions")) {
                FileTrees.copyTree(CHECKOUT.resolve(folder), root.resolve(folder));
            }
            for (String script : List.of("runtime/Db.java", "runtime/Repl.java", "checker/Check.java", "checker/Hint.java",
                    "checker/Grade.java", "checker/Validate.java")) {
                Files.createDirectories(root.resolve(script).getParent());
                Files.copy(CHECKOUT.resolve(script), root.resolve(script));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the first {@code from} in the file with {@code to}; the text must be there. */
    LessonCopy edit(String file, String from, String to) {
        try {
            String text = Files.readString(root.resolve(file));
            assertThat(text).as(file).contains(from);
            Files.writeString(root.resolve(file), text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based line of the {@code nth} line (1 = first) holding {@code text} in the file. */
    int lineOf(String file, String text, int nth) {
        try {
            List<String> lines = Files.readAllLines(root.resolve(file));
            int seen = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text) && ++seen == nth) {
                    return i + 1;
                }
            }
            throw new AssertionError("no line " + nth + " with " + text + " in " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int lineOf(String file, String text) {
        return lineOf(file, text, 1);
    }

    /** `./jbang validate ARGS...`, run in this JVM: exit code and what it printed on stdout. */
    static Result run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        // progress goes to stderr, which the report leaves out, as a pipe would
        PrintStream progress = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        int code = CommandRunner.run(new ValidateCommand().printingTo(new Console(out, progress, false)), args);
        return new Result(code, bytes.toString(StandardCharsets.UTF_8));
    }

    Result validate(String target, String... options) {
        List<String> args = new ArrayList<>(List.of(root.resolve(target).toString()));
        args.addAll(List.of(options));
        return run(args.toArray(String[]::new));
    }

    /** What validate printed, and the lines that name a problem (file:line: message). */
    record Result(int exitCode, String output) {
        List<String> problems() {
            return output.lines().filter(l -> l.matches("[^ ]+:\\d+: .*")).toList();
        }
    }
}
