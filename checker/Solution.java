///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable -Xlog:all=error:stderr
//CDS
//SOURCES ../runtime/workbook/**.java
//SOURCES workbook/**.java

import workbook.checker.SolutionCommand;
import workbook.cli.CommandRunner;

/** Entry script for `./jbang solution`: wiring only. */
public class Solution {
    public static void main(String... args) {
        CommandRunner.exit("solution", new SolutionCommand(), args);
    }
}
