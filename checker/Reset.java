///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable -Xlog:all=error:stderr
//CDS
//SOURCES ../runtime/workbook/**.java
//SOURCES workbook/**.java

import workbook.checker.ResetCommand;
import workbook.cli.CommandRunner;

/** Entry script for `./jbang reset`: wiring only. */
public class Reset {
    public static void main(String... args) {
        CommandRunner.exit("reset", new ResetCommand(), args);
    }
}
