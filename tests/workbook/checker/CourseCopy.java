package workbook.checker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import workbook.FileTrees;
import workbook.WorkbookHome;
import workbook.cli.CommandRunner;
import workbook.terminal.Console;

/**
 * A checkout of the test's own (catalog, lessons, exercises, solutions copied from the real one), made
 * the workbook's home while it is open, so progress, hints and resets land in it, not the developer's.
 */
final class CourseCopy implements AutoCloseable {
    static final WorkbookHome REAL = CheckerFixture.HOME;

    final WorkbookHome home;
    private final String previous = System.getProperty("workbook.home");

    CourseCopy(Path root) throws IOException {
        for (String part : new String[] {"jbang-catalog.json", "lessons", "exercises", "solutions"}) {
            Path from = REAL.root().resolve(part);
            if (Files.isDirectory(from)) {
                FileTrees.copyTree(from, root.resolve(part));
            } else {
                Files.copy(from, root.resolve(part));
            }
        }
        home = new WorkbookHome(root);
        System.setProperty("workbook.home", root.toString());
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    /** What a command given this console prints lands in the next {@link #run}'s text. */
    final Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8), false);

    /** Runs a command (its console set to {@link #console}): its exit code and what it printed. */
    Ran run(Object command, String... args) {
        out.reset();
        int code = CommandRunner.run(command, args);
        return new Ran(code, out.toString(StandardCharsets.UTF_8));
    }

    record Ran(int exit, String text) {
    }

    @Override
    public void close() {
        if (previous == null) {
            System.clearProperty("workbook.home");
        } else {
            System.setProperty("workbook.home", previous);
        }
    }
}
