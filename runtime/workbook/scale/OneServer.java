package workbook.scale;

import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Users on one primary, reads on {@code reads}: the primary itself, or a read replica (whose copy may lag a
 * write behind: the read-your-writes trap).
 */
public record OneServer(ConnectionSource writes, ConnectionSource reads) implements UserStore {

    public static OneServer of(ConnectionSource primary) {
        return new OneServer(primary, primary);
    }

    @Override
    public void insert(UUID id, String email, String passwordHash) throws SQLException {
        UserRows.insert(writes, id, email, passwordHash);
    }

    @Override
    public Optional<User> find(UUID id) throws SQLException {
        return UserRows.find(reads, "id", id);
    }

    @Override
    public Optional<User> findByEmail(String email) throws SQLException {
        return UserRows.find(reads, "email", email);
    }
}
