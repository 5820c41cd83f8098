package workbook.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Writes and reads a marker table, so a test can tell whether the learner's data survived. */
final class Rows {
    private Rows() {
    }

    static void write(ConnectionInfo db, String marker) throws SQLException {
        try (Connection c = ServerAdmin.connect(db, 5); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS users (email text)");
            s.execute("INSERT INTO users VALUES ('" + marker + "')");
        }
    }

    static List<String> read(ConnectionInfo db) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = ServerAdmin.connect(db, 5); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT email FROM users ORDER BY 1")) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }
}
