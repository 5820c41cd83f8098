///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//SOURCES workbook/**.java
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable -Xlog:all=error:stderr
//CDS

import workbook.cli.helper.HelperClient;
import workbook.db.DbCommand;

/** Entry script for `./jbang db`: wiring only. */
public class Db {
    public static void main(String... args) {
        HelperClient.exit("db", DbCommand.class, null, args);
    }
}
