package workbook.scale;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** The service's three statements on one server's users table, each on a connection of a {@link ConnectionSource}. */
final class UserRows {
    private UserRows() {
    }

    static void insert(ConnectionSource source, UUID id, String email, String passwordHash) throws SQLException {
        try (Connection c = source.open();
             PreparedStatement st = c.prepareStatement("INSERT INTO users (id, email, password_hash) VALUES (?, ?, ?)")) {
            st.setObject(1, id);
            st.setString(2, email);
            st.setString(3, passwordHash);
            st.executeUpdate();
        }
    }

    static Optional<UserStore.User> find(ConnectionSource source, String column, Object value) throws SQLException {
        try (Connection c = source.open();
             PreparedStatement st = c.prepareStatement("SELECT id, email, created_at::text FROM users WHERE " + column + " = ?")) {
            st.setObject(1, value);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(new UserStore.User(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }
}
