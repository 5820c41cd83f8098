///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:cds=off,cds+dynamic=off
//CDS
//SOURCES workbook/**.java

import workbook.cli.CommandRunner;
import workbook.cli.NotYetCommand;

/** Entry script for `./jbang repl`: wiring only. */
public class Repl {
    public static void main(String... args) {
        CommandRunner.exit("repl", new NotYetCommand(), args);
    }
}
