///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable -Xlog:all=error:stderr
//CDS
//SOURCES workbook/**.java

import workbook.cli.CommandRunner;
import workbook.jshell.ReplCommand;

/** Entry script for `./jbang repl`: wiring only. */
public class Repl {
    public static void main(String... args) {
        CommandRunner.exit("repl", new ReplCommand(), args);
    }
}
