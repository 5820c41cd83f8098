///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//SOURCES ../runtime/workbook/**.java

import workbook.cli.CommandRunner;
import workbook.cli.NotYetCommand;

/** Entry script for `./jbang grade`: wiring only. */
public class Grade {
    public static void main(String... args) {
        CommandRunner.exit("grade", new NotYetCommand(), args);
    }
}
