//DEPS org.postgresql:postgresql:42.7.14
package workbook.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * Whether the learner left a transaction open (an explicit BEGIN) or failed (an error after BEGIN, so
 * every later statement gets 25P02 until ROLLBACK), read from the driver's view of the server's state.
 */
public enum TransactionStatus {
    /** No transaction open: autocommit as usual. */
    IDLE,
    /** Inside BEGIN ... not yet committed. */
    OPEN,
    /** Inside a transaction that failed: PostgreSQL ignores everything until ROLLBACK. */
    FAILED;

    public static TransactionStatus of(Connection connection) throws SQLException {
        TransactionState state = connection.unwrap(BaseConnection.class).getTransactionState();
        return switch (state) {
            case IDLE -> IDLE;
            case OPEN -> OPEN;
            case FAILED -> FAILED;
        };
    }

    /**
     * Ends whatever transaction the learner's statements left behind, with ROLLBACK sent as a statement
     * (Connection.rollback() refuses on an autocommit connection). Returns the status found before.
     */
    public static TransactionStatus rollBackIfOpen(Connection connection) throws SQLException {
        TransactionStatus before = of(connection);
        if (before != IDLE) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ROLLBACK");
            }
        }
        return before;
    }
}
