///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable -Xlog:all=error:stderr
//SOURCES ../runtime/workbook/**.java
//SOURCES workbook/**.java
//FILES workbook/grading/ClassReport.jte=workbook/grading/ClassReport.jte

import workbook.cli.CommandRunner;
import workbook.grading.GradeCommand;
import workbook.grading.bench.GradeBenchmark;
import workbook.grading.gradescope.GradescopePackage;

/** Entry script for `./jbang grade`: wiring only. */
public class Grade {
    public static void main(String... args) {
        CommandRunner.exit("grade", new GradeCommand().withBenchmark(GradeBenchmark::run).withGradescopePackage(GradescopePackage::write), args);
    }
}
