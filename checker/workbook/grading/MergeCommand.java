package workbook.grading;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import workbook.ExitCode;
import workbook.UserError;
import workbook.WorkbookHome;
import workbook.terminal.Console;

/** {@code ./jbang grade merge OUT1 OUT2 ... --out DIR}: the shards of a class, graded on several machines, as one run's reports. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        header = "Combine the --out folders of `grade --shard K/N` runs into the reports one run over the whole class writes.",
        description = {"Give every shard's folder, in any order. Refused, writing nothing: a shard missing, shards of another lesson, "
                + "checks or split (N), a student in two shards with different results, or --out inside a shard's folder."})
public class MergeCommand implements Callable<Integer> {
    @ParentCommand
    GradeCommand parent;

    @Parameters(paramLabel = "OUT", arity = "1..*", description = "The --out folders of the shards' runs.")
    List<Path> shards;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "grades",
            description = "Folder the merged reports go to, not inside a shard's folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    RosterOptions lms;

    @Option(names = "--verbose", description = "Show stack traces on errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        if (parent != null && parent.lesson != null) {
            throw UserError.badInput("`grade merge` takes the shards' folders, not a lesson: grade merge OUT1 OUT2 ... --out DIR.");
        }
        Console console = Console.system();
        long started = System.nanoTime();
        Path folder = GradeCommand.reportsFolder(out);
        ShardMerge.Merged merged = ShardMerge.merge(WorkbookHome.locate(), shards, folder, lms::gradebooks);
        int students = merged.records().size();
        console.line(String.format(Locale.ROOT, "Merged %d shard%s of %s: %d student%s in %.1f s", merged.shards(),
                merged.shards() == 1 ? "" : "s", merged.set().lesson(), students, students == 1 ? "" : "s", (System.nanoTime() - started) / 1e9));
        GradeSummary.printClass(console, merged.set(), merged.records(), merged.conflicts());
        GradeSummary.printReports(console, folder);
        if (merged.gradebooks() != null) {
            GradeSummary.printRoster(console, merged.gradebooks(), merged.records(), folder);
        }
        return ExitCode.OK;
    }
}
