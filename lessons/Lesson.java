///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable -Xlog:all=error:stderr -Dworkbook.driverWarmup=off
//CDS
//SOURCES ../runtime/workbook/**.java
//SOURCES ../checker/workbook/checker/**.java

import workbook.checker.CheckCellKind;
import workbook.cli.CommandRunner;
import workbook.notebook.LessonCommand;

/** Entry script for `./jbang lesson3` and every lesson alias (the alias passes the lesson's name): wiring only. */
public class Lesson {
    public static void main(String... args) {
        CommandRunner.exit("lesson", new LessonCommand().withKind(new CheckCellKind()), args);
    }
}
