package workbook.grading;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The admin's proof that a job is as it was made: no object left in its database (counted from the
 * catalogs) and its role unchanged (its fingerprint: password, attributes, settings, memberships, all a
 * role may change about itself). Catalog reads only, pinned and qualified: they run where students'
 * objects are.
 */
final class LeftoverProof {
    /**
     * Objects created after initdb (oids from 16384 on) in the catalogs a submission can add to, user
     * schemas, large objects and default privileges: after an emptying there must be exactly as many as in
     * the new database ({@link JobSlot#baseline}; 0 unless template0 holds something). Each count is a range
     * scan of an oid index: cheap enough for every submission.
     */
    private static final String LEFTOVERS = "(SELECT pg_catalog.count(*) FROM ("
            + oidsFrom("pg_class") + " UNION ALL " + oidsFrom("pg_proc") + " UNION ALL " + oidsFrom("pg_type")
            + " UNION ALL " + oidsFrom("pg_operator") + " UNION ALL " + oidsFrom("pg_collation") + " UNION ALL " + oidsFrom("pg_conversion")
            + " UNION ALL " + oidsFrom("pg_ts_config") + " UNION ALL " + oidsFrom("pg_ts_dict") + " UNION ALL " + oidsFrom("pg_statistic_ext")
            + " UNION ALL " + oidsFrom("pg_cast") + " UNION ALL " + oidsFrom("pg_transform")
            // temporary schemas stay, empty
            + " UNION ALL SELECT 1 FROM pg_catalog.pg_namespace AS n WHERE n.oid OPERATOR(pg_catalog.>=) 16384"
            + " AND n.nspname OPERATOR(pg_catalog.!~~) 'pg\\_%'"
            + " UNION ALL SELECT 1 FROM pg_catalog.pg_largeobject_metadata"
            + " UNION ALL SELECT 1 FROM pg_catalog.pg_default_acl) AS leftover)";
    private static final String LABEL = "leftovers";

    /** What the proof found: whether the database is back to its baseline, and the role to its fingerprint. */
    record Verdict(boolean emptied, boolean roleUntouched) {
    }

    private LeftoverProof() {
    }

    private static String oidsFrom(String catalog) {
        return "SELECT 1 FROM pg_catalog." + catalog + " AS c WHERE c.oid OPERATOR(pg_catalog.>=) 16384";
    }

    /** How many objects the catalogs of the admin's database hold past initdb's. */
    static long count(Connection admin) throws SQLException {
        try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery("SELECT " + LEFTOVERS)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The slot's role as it is now (for a superuser: it reads the password). */
    static String fingerprint(JobSlot slot) throws SQLException {
        try (Statement s = slot.admin().createStatement(); ResultSet rs = s.executeQuery(slot.sandbox().role().fingerprintSql())) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Prepares the proof on the slot's admin session, once per role (the query names it): planning it took
     * about 6 ms at every reset (pg_stat_statements, a loaded machine), five times what running it takes.
     */
    static void prepare(JobSlot slot) throws SQLException {
        slot.adminExecute("PREPARE " + statementName(slot) + " AS SELECT " + LEFTOVERS + " AS " + LABEL
                + ", (" + slot.sandbox().role().fingerprintSql() + ") AS role");
    }

    /** Frees the proof of a role that is being replaced, on the admin session the next role keeps using. */
    static void forget(JobSlot slot) throws SQLException {
        slot.adminExecute("DEALLOCATE " + statementName(slot));
    }

    private static String statementName(JobSlot slot) {
        return "wb_proof_" + slot.role();
    }

    /**
     * Runs {@code before} and then the proof on the slot's admin session, in one round trip, and reads the
     * proof's answer among the results. What the statements or the proof could not do counts as not proven.
     */
    static Verdict after(JobSlot slot, String before) {
        boolean emptied = false;
        boolean roleUntouched = false;
        try (Statement s = slot.admin().createStatement()) {
            boolean isResult = s.execute(before + ";\nEXECUTE " + statementName(slot));
            while (isResult || s.getUpdateCount() != -1) {
                if (isResult) {
                    try (ResultSet rs = s.getResultSet()) {
                        if (rs.getMetaData().getColumnCount() == 2 && LABEL.equals(rs.getMetaData().getColumnLabel(1)) && rs.next()) {
                            emptied = rs.getLong(1) == slot.baseline;
                            roleUntouched = slot.fingerprint != null && slot.fingerprint.equals(rs.getString(2));
                        }
                    }
                }
                isResult = s.getMoreResults();
            }
        } catch (SQLException e) {
            return new Verdict(false, roleUntouched); // a database that cannot be emptied is replaced, never reused
        }
        return new Verdict(emptied, roleUntouched);
    }
}
