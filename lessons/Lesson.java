///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:cds=off,cds+dynamic=off
//CDS
//SOURCES ../runtime/workbook/**.java

import workbook.cli.CommandRunner;
import workbook.cli.NotYetCommand;

/** Entry script for `./jbang lesson3` and every lesson alias: wiring only. */
public class Lesson {
    public static void main(String... args) {
        CommandRunner.exit("lesson", new NotYetCommand(), args);
    }
}
