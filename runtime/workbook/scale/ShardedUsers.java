package workbook.scale;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Users spread over shards by a hash of their id, routed here in the service, as a Citus coordinator or a
 * Vitess router would do it in front of the servers. A lookup by id goes to one shard; a lookup by email either
 * asks every shard, or first asks a global directory (email → shard, on its own server) that sign-up fills.
 */
public final class ShardedUsers implements UserStore {
    private final List<ConnectionSource> shards;
    private final ConnectionSource directory;
    private final AtomicLong queries = new AtomicLong();

    /** @param directory the email → shard directory, or null to ask every shard for an email */
    public ShardedUsers(List<ConnectionSource> shards, ConnectionSource directory) {
        this.shards = List.copyOf(shards);
        this.directory = directory;
    }

    /**
     * The shard of a user: the id's 128 bits folded and mixed (SplitMix64's finaliser), modulo the shard count.
     * Random v4 ids would spread evenly even unmixed; the mix keeps that true for ids with structure (v7's time).
     */
    public static int shardOf(UUID id, int shardCount) {
        long z = id.getMostSignificantBits() ^ id.getLeastSignificantBits();
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        z = z ^ (z >>> 31);
        return (int) Long.remainderUnsigned(z, shardCount);
    }

    /**
     * With a directory, the email is claimed there first: its primary key refuses a taken email across all
     * shards (23505), which no shard's own unique constraint can. Were the shard's insert to fail, the claim
     * is withdrawn: two servers, no shared transaction.
     */
    @Override
    public void insert(UUID id, String email, String passwordHash) throws SQLException {
        int shard = shardOf(id, shards.size());
        if (directory != null) {
            update(directory, "INSERT INTO user_directory (email, shard, id) VALUES (?, ?, ?)", email, shard, id);
        }
        try {
            UserRows.insert(shards.get(shard), id, email, passwordHash);
            queries.incrementAndGet();
        } catch (SQLException e) {
            if (directory != null) {
                update(directory, "DELETE FROM user_directory WHERE email = ? AND shard = ? AND id = ?", email, shard, id);
            }
            throw e;
        }
    }

    @Override
    public Optional<User> find(UUID id) throws SQLException {
        queries.incrementAndGet();
        return UserRows.find(shards.get(shardOf(id, shards.size())), "id", id);
    }

    @Override
    public Optional<User> findByEmail(String email) throws SQLException {
        if (directory == null) {
            // scatter-gather, as a router does: every shard is asked (one after another here, where a router
            // asks them at once), since none can say that another does not hold the email too
            Optional<User> found = Optional.empty();
            for (ConnectionSource shard : shards) {
                queries.incrementAndGet();
                Optional<User> user = UserRows.find(shard, "email", email);
                if (found.isEmpty()) {
                    found = user;
                }
            }
            return found;
        }
        queries.incrementAndGet();
        try (Connection c = directory.open();
             PreparedStatement st = c.prepareStatement("SELECT shard FROM user_directory WHERE email = ?")) {
            st.setString(1, email);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                queries.incrementAndGet();
                return UserRows.find(shards.get(rs.getInt(1)), "email", email);
            }
        }
    }

    /** Statements sent to any server so far. */
    public long queries() {
        return queries.get();
    }

    private void update(ConnectionSource source, String sql, Object... values) throws SQLException {
        queries.incrementAndGet();
        try (Connection c = source.open(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                st.setObject(i + 1, values[i]);
            }
            st.executeUpdate();
        }
    }
}
