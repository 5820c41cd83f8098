package workbook.grading;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import workbook.checker.sandbox.Sandbox;

/**
 * One grading job's place on the server: its database, the admin's session on it (resets and proofs
 * only, search_path pinned), its sandbox (the student's sessions, as the job's role), and what the pool
 * knows of its state. A slot whose database or role is replaced becomes a new slot.
 */
final class JobSlot {
    /**
     * Ends every session on the database but the admin's own and those it is given. Prepared once on each
     * admin session ({@link JobSlots}), like the proof: planning a query on pg_stat_activity at every reset
     * cost more than running it.
     */
    static final String PREPARE_END_OTHERS = "PREPARE wb_end_others(pg_catalog.int4[]) AS SELECT pg_catalog.pg_terminate_backend(a.pid)"
            + " FROM pg_catalog.pg_stat_activity AS a WHERE a.datname OPERATOR(pg_catalog.=) pg_catalog.current_database()"
            + " AND a.pid OPERATOR(pg_catalog.<>) pg_catalog.pg_backend_pid() AND a.pid OPERATOR(pg_catalog.<>) ALL ($1)";

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

    /** Ends every session on the database but the admin's and the sandbox's own, which are idle and reset when handed back. */
    String endOtherSessions() {
        return sandbox.pids().stream().map(String::valueOf).collect(Collectors.joining(", ", "EXECUTE wb_end_others(ARRAY[", "]::pg_catalog.int4[])"));
    }

    /**
     * What the role may do in its database beyond what PUBLIC may: connect. Everything else it needs (temporary
     * tables, creating in public) is PUBLIC's in a job's database ({@link JobSlots}), where no other role may
     * connect. Granted to the role, a right on the schema changed pg_namespace at every reset, and any change
     * there makes every session on the database plan all its cached queries again.
     */
    String grants() {
        return "GRANT CONNECT ON DATABASE " + name + " TO " + role();
    }

    /**
     * Drops everything the role owns here, then gives it back what DROP OWNED also took (every privilege
     * granted to the role: to connect), in one statement string.
     */
    String dropOwned() {
        return "DROP OWNED BY " + role() + " CASCADE;\n" + grants();
    }
}
