///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable -Xlog:all=error:stderr
//CDS
//SOURCES ../runtime/workbook/**.java
//SOURCES workbook/**.java

import workbook.checker.CheckCommand;
import workbook.checker.WorkbookHelper;
import workbook.cli.helper.HelperClient;

/** Entry script for `./jbang check`: wiring only. */
public class Check {
    public static void main(String... args) {
        HelperClient.exit("check", CheckCommand.class, WorkbookHelper.class, args);
    }
}
