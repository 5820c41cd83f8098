package workbook.db;

import workbook.terminal.Console;

/** The two lines every `db` command shows about a server: its JDBC URL and a psql line to paste. */
final class ConnectionLines {
    private final Console console;

    ConnectionLines(Console console) {
        this.console = console;
    }

    void print(ConnectionInfo connection, String provider) {
        console.line(label("JDBC URL") + connection.jdbcUrl());
        // the lesson's password is public; a server the user named keeps its password to itself
        String password = provider.equals("url") ? "" : "   (password: " + connection.password() + ")";
        console.line(label("psql") + connection.psqlCommand() + password);
    }

    String label(String name) {
        return console.style(Console.Style.BOLD, String.format("  %-10s", name + ":"));
    }
}
