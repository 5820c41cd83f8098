///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable -Xlog:all=error:stderr
//CDS
//SOURCES ../runtime/workbook/**.java
//SOURCES workbook/checker/**.java

import workbook.checker.validate.ValidateCommand;
import workbook.cli.CommandRunner;

/** Entry script for `./jbang validate`: wiring only. */
public class Validate {
    public static void main(String... args) {
        CommandRunner.exit("validate", new ValidateCommand(), args);
    }
}
