package workbook.grading;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import workbook.checker.sandbox.Sandbox;

/**
 * One grading job's place on the server: its database, the admin's session on it (resets and proofs
 * only, search_path pinned), its sandbox (the student's sessions, as the job's role), and what the pool
 * knows of its state. A slot whose database or role is replaced becomes a new slot.
 */
final class JobSlot {
    private final String name;
    private final Connection admin;
    private final Sandbox sandbox;
    /** The reference state the database holds untouched since it was built, or -1. */
    int readyState = -1;
    /** {@link LeftoverProof#count} of the new database (from template0): what an emptying must come back to. */
    long baseline;
    /** The role as created ({@link workbook.checker.sandbox.SandboxRole#fingerprintSql}). */
    String fingerprint;

    JobSlot(String name, Connection admin, Sandbox sandbox) {
        this.name = name;
        this.admin = admin;
        this.sandbox = sandbox;
    }

    String name() {
        return name;
    }

    Connection admin() {
        return admin;
    }

    Sandbox sandbox() {
        return sandbox;
    }

    String role() {
        return sandbox.role().name();
    }

    /** Runs the grader's own statements (never a student's) on the admin's session here. */
    void adminExecute(String sql) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute(sql);
        }
    }

    /** What the role may do in its database beyond what PUBLIC may: connect, make temporary tables, create in public. */
    String grants() {
        return "GRANT CONNECT, TEMPORARY ON DATABASE " + name + " TO " + role() + ";\nGRANT USAGE, CREATE ON SCHEMA public TO " + role();
    }

    /**
     * Drops everything the role owns here, then gives it back what DROP OWNED also took (every privilege
     * granted to the role: to connect, to create in public), in one statement string.
     */
    String dropOwned() {
        return "DROP OWNED BY " + role() + " CASCADE;\n" + grants();
    }
}
