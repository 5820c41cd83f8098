package workbook.scale;

import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** Where the service keeps its users: one server, a primary with a read replica, or shards. */
public interface UserStore extends AutoCloseable {

    /** A user as the service shows it; never the password hash. */
    record User(UUID id, String email, String createdAt) {
    }

    /** Inserts a new user; a taken email fails with SQLSTATE 23505 from a unique constraint. */
    void insert(UUID id, String email, String passwordHash) throws SQLException;

    Optional<User> find(UUID id) throws SQLException;

    Optional<User> findByEmail(String email) throws SQLException;

    @Override
    default void close() {
    }
}
