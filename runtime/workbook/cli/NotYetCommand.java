package workbook.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import workbook.ExitCode;
import workbook.terminal.Console;

/** Stands in for a command whose issue is still open: it has --help and says plainly that it is coming. */
@Command(mixinStandardHelpOptions = true, description = "Not available yet in this version of the workbook.")
public class NotYetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(hidden = true)
    java.util.List<String> ignored;

    @Option(names = "--verbose", hidden = true)
    boolean verbose;

    @Override
    public Integer call() {
        Console.system().note("`" + spec.name() + "` is not available yet; it arrives with a later version of the workbook.");
        return ExitCode.BAD_INPUT;
    }
}
