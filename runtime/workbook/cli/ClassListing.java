package workbook.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import workbook.ExitCode;

/**
 * The end of a run that lists its classes for the launcher's static class-data archive (`./jbang`,
 * run_cached: started with -XX:DumpLoadedClassList=FILE and -Dworkbook.classList=FILE). A run that did its
 * work leaves FILE.done, and only then does the next launch archive what it listed: a run that refused its
 * input, met a broken environment or only showed help loaded too little of the command for the runs after it.
 */
final class ClassListing {
    private ClassListing() {
    }

    static void ended(CommandLine cli, int exitCode) {
        String list = System.getProperty("workbook.classList");
        if (list == null || exitCode > ExitCode.CHECKS_FAILED) {
            return;
        }
        if (cli.getParseResult() == null) {
            return;
        }
        for (CommandLine.ParseResult parsed = cli.getParseResult(); parsed != null; parsed = parsed.subcommand()) {
            if (parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()) {
                return;
            }
        }
        try {
            Files.createFile(Path.of(list + ".done"));
        } catch (IOException e) {
            // then the launcher lists again on a later run
        }
    }
}
