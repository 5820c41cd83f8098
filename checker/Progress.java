///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable -Xlog:all=error:stderr
//CDS
//SOURCES ../runtime/workbook/**.java
//SOURCES workbook/**.java

import workbook.checker.ProgressCommand;
import workbook.checker.WorkbookHelper;
import workbook.cli.helper.HelperClient;

/** Entry script for `./jbang progress` (and a bare `./jbang`, which adds --commands): wiring only. */
public class Progress {
    public static void main(String... args) {
        HelperClient.exit("progress", ProgressCommand.class, WorkbookHelper.class, args);
    }
}
