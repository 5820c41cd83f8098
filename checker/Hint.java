///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable -Xlog:all=error:stderr
//CDS
//SOURCES ../runtime/workbook/**.java
//SOURCES workbook/**.java

import workbook.checker.HintCommand;
import workbook.checker.WorkbookHelper;
import workbook.cli.helper.HelperClient;

/** Entry script for `./jbang hint`: wiring only. */
public class Hint {
    public static void main(String... args) {
        HelperClient.exit("hint", HintCommand.class, WorkbookHelper.class, args);
    }
}
