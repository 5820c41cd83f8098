package workbook.checker.sandbox;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import workbook.db.ConnectionInfo;
import workbook.sql.ReceiveLimit;

/**
 * A role untrusted SQL runs as: LOGIN and nothing else (not a superuser, no CREATEDB, CREATEROLE,
 * replication, RLS bypass, a member of no role), with its limits as role settings. Whatever
 * a file creates belongs to it, so whatever that object later runs, for anyone who touches it, runs with
 * this role's rights at most, as long as only sessions of this role touch it.
 */
public final class SandboxRole {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String name;
    private final String password;

    public SandboxRole(String name, String password) {
        this.name = name;
        this.password = password;
    }

    public String name() {
        return name;
    }

    /** 24 letters and digits (about 140 bits), for a role that lives one grading run. */
    public static String randomPassword() {
        String letters = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            p.append(letters.charAt(RANDOM.nextInt(letters.length())));
        }
        return p.toString();
    }

    /** The statements that make the role (one string, for the admin to send in one round trip). */
    public String createSql(SandboxLimits limits, boolean superuser, int connectionLimit) {
        return "CREATE ROLE " + name + " LOGIN PASSWORD '" + RoleSecret.scramVerifier(password) + "' " + ATTRIBUTES
                + " CONNECTION LIMIT " + connectionLimit + ";\n" + settingsSql(limits, superuser);
    }

    /** Makes an existing role exactly what {@link #createSql} makes, whatever was changed since (a role may alter its own). */
    public String repairSql(SandboxLimits limits, boolean superuser, int connectionLimit, List<String> databasesWithSettings) {
        StringBuilder sql = new StringBuilder("ALTER ROLE " + name + " " + ATTRIBUTES + " CONNECTION LIMIT " + connectionLimit
                + " PASSWORD '" + RoleSecret.scramVerifier(password) + "';\nALTER ROLE " + name + " RESET ALL;\n");
        for (String database : databasesWithSettings) {
            sql.append("ALTER ROLE ").append(name).append(" IN DATABASE ").append(quote(database)).append(" RESET ALL;\n");
        }
        return sql.append(settingsSql(limits, superuser)).toString();
    }

    private String settingsSql(SandboxLimits limits, boolean superuser) {
        StringBuilder sql = new StringBuilder();
        for (String setting : limits.roleSettings(superuser)) {
            String[] kv = setting.split("=", 2);
            sql.append("ALTER ROLE ").append(name).append(" SET ").append(kv[0]).append(" = '").append(kv[1]).append("';\n");
        }
        return sql.toString();
    }

    /** What the role is, besides its password: its attributes and every setting of it, as one text ({@link #shape}). */
    public static final String ATTRIBUTES = "NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT";

    /**
     * A pinned catalog query giving the role's shape: its attributes and settings (ALTER ROLE ... SET,
     * in any database), which a role may change about itself. NULL when there is no such role.
     */
    public String shapeSql() {
        String oid = "(SELECT r.oid FROM pg_catalog.pg_roles AS r WHERE r.rolname OPERATOR(pg_catalog.=) '" + name + "')";
        return "SELECT pg_catalog.concat_ws(' | ',"
                + " (SELECT pg_catalog.concat_ws(',', r.rolsuper, r.rolinherit, r.rolcreaterole, r.rolcreatedb, r.rolcanlogin,"
                + "  r.rolreplication, r.rolbypassrls, r.rolconnlimit, r.rolvaliduntil) FROM pg_catalog.pg_roles AS r WHERE r.oid OPERATOR(pg_catalog.=) " + oid + "),"
                + " (SELECT pg_catalog.string_agg(s.setdatabase::pg_catalog.text OPERATOR(pg_catalog.||) ':' OPERATOR(pg_catalog.||) s.setconfig::pg_catalog.text,"
                + "  ';' ORDER BY s.setdatabase) FROM pg_catalog.pg_db_role_setting AS s WHERE s.setrole OPERATOR(pg_catalog.=) " + oid + "))"
                + " WHERE " + oid + " IS NOT NULL";
    }

    /**
     * A pinned catalog query (for a superuser: it reads the password) describing everything about the role
     * a session of it could change on its own: its password, its shape ({@link #shapeSql}) and its memberships
     * both ways (PostgreSQL 14 lets a role grant itself to others). Equal before and after a submission means
     * the next one meets the role as it was made.
     */
    public String fingerprintSql() {
        String r = "'" + name + "'";
        return "SELECT pg_catalog.concat_ws(' | ',"
                + " (SELECT a.rolpassword FROM pg_catalog.pg_authid AS a WHERE a.rolname OPERATOR(pg_catalog.=) " + r + "),"
                + " (" + shapeSql() + "),"
                + " (SELECT pg_catalog.string_agg(m.roleid::pg_catalog.regrole::pg_catalog.text OPERATOR(pg_catalog.||) '>'"
                + "  OPERATOR(pg_catalog.||) m.member::pg_catalog.regrole::pg_catalog.text OPERATOR(pg_catalog.||) ':'"
                + "  OPERATOR(pg_catalog.||) m.admin_option::pg_catalog.text, ';' ORDER BY m.roleid, m.member)"
                + "  FROM pg_catalog.pg_auth_members AS m WHERE (SELECT r.oid FROM pg_catalog.pg_roles AS r"
                + "  WHERE r.rolname OPERATOR(pg_catalog.=) " + r + ") OPERATOR(pg_catalog.=) ANY (ARRAY[m.roleid, m.member])))";
    }

    /** The shape {@link #shapeSql} reads for a role made by {@link #createSql} and not changed since. */
    public static String expectedShape(SandboxLimits limits, boolean superuser, int connectionLimit) {
        return "f,t,f,f,t,f,f," + connectionLimit + " | 0:{" + String.join(",", limits.roleSettings(superuser)) + "}";
    }

    /**
     * A session as the role on {@code database}: the default search_path for files and reference solutions,
     * or a pinned one for the checks' reads. Whatever the server sends it is bounded by {@code receiveBytes}.
     * Commits need not wait for the disk (synchronous_commit off): a crash could lose the last moments of a
     * throwaway database, never corrupt it, and at every statement of every file that wait was most of the time.
     */
    ReceiveLimit.Limited login(ConnectionInfo server, String database, boolean pinned, long receiveBytes) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", name);
        props.setProperty("password", password);
        props.setProperty("options", "-c synchronous_commit=off");
        props.setProperty("ApplicationName", pinned ? "workbook checks" : "workbook exercise files");
        if (pinned) {
            PinnedSearchPath.add(props);
        }
        return ReceiveLimit.connect(server.withDatabase(database).jdbcUrl(), props, receiveBytes);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** True when {@code e} says the role's password did not match (it may have changed its own). */
    static boolean wrongPassword(SQLException e) {
        return "28P01".equals(e.getSQLState());
    }
}
