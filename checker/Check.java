///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:cds=off,cds+dynamic=off
//CDS
//SOURCES ../runtime/workbook/**.java

import workbook.cli.CommandRunner;
import workbook.cli.NotYetCommand;

/** Entry script for `./jbang check`: wiring only. */
public class Check {
    public static void main(String... args) {
        CommandRunner.exit("check", new NotYetCommand(), args);
    }
}
