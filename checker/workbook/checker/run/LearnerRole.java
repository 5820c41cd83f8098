package workbook.checker.run;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Handle;
import workbook.checker.sandbox.SandboxLimits;
import workbook.checker.sandbox.SandboxRole;
import workbook.UserError;
import workbook.db.ConnectionInfo;

/**
 * The role `check` runs a learner's exercise files as on their own server: wb_learner, a {@link SandboxRole}
 * made by the lesson's user and kept. So no file can drop, rename or write to crm_db or any other database,
 * or reach the server's files and programs, whatever it says. Its password is derived from the admin's, so
 * any check run that can administer the server can log in as it, with nothing stored.
 */
final class LearnerRole {
    static final String NAME = "wb_learner";
    /** Sessions at once: two per check run (files, checks), for a few runs side by side (--watch and another terminal). */
    static final int CONNECTION_LIMIT = 8;

    private LearnerRole() {
    }

    /** wb_learner as {@link SandboxRole#createSql} makes it: created when missing, mended when a file changed it. */
    static SandboxRole ensure(ServerAccess server, SandboxLimits limits) {
        SandboxRole role = new SandboxRole(NAME, password(server.info()));
        try (Handle admin = server.adminSession()) {
            Map<String, Object> found = admin.createQuery("SELECT me.rolsuper AS superuser, me.rolcreaterole AS createrole, ("
                            + role.shapeSql() + ") AS shape FROM pg_catalog.pg_roles AS me WHERE me.rolname OPERATOR(pg_catalog.=) CURRENT_USER")
                    .mapToMap().one();
            boolean superuser = Boolean.TRUE.equals(found.get("superuser"));
            if (!superuser && !Boolean.TRUE.equals(found.get("createrole"))) {
                ConnectionInfo info = server.info();
                throw UserError.environment("`check` runs your files as a role of its own (" + NAME + "), so that no file can change crm_db; "
                        + info.user() + " may not create it on " + info.host() + ":" + info.port() + " (it needs CREATEROLE)."
                        + " Use --live to check crm_db as it is.", null);
            }
            String shape = (String) found.get("shape");
            if (shape == null) {
                try {
                    // a member of the role may end its sessions (time limits) without being a superuser
                    admin.execute(role.createSql(limits, superuser, CONNECTION_LIMIT) + (superuser ? "" : "GRANT " + NAME + " TO CURRENT_USER"));
                } catch (RuntimeException raced) {
                    // another check run (a second terminal, --watch) made it a moment earlier: it is checked next time
                    if (!(raced.getCause() instanceof SQLException e) || !"42710".equals(e.getSQLState())) {
                        throw raced;
                    }
                }
            } else if (!shape.equals(SandboxRole.expectedShape(limits, superuser, CONNECTION_LIMIT))) {
                mend(admin, role, limits, superuser);
            }
        }
        return role;
    }

    /** Makes the role as created again: attributes, settings in every database, and its password. */
    static void mend(ServerAccess server, SandboxLimits limits) {
        try (Handle admin = server.admin()) {
            boolean superuser = admin.createQuery("SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname OPERATOR(pg_catalog.=) CURRENT_USER")
                    .mapTo(Boolean.class).one();
            mend(admin, new SandboxRole(NAME, password(server.info())), limits, superuser);
        }
    }

    private static void mend(Handle admin, SandboxRole role, SandboxLimits limits, boolean superuser) {
        List<String> databases = admin.createQuery("SELECT d.datname FROM pg_catalog.pg_db_role_setting AS s"
                        + " JOIN pg_catalog.pg_database AS d ON d.oid OPERATOR(pg_catalog.=) s.setdatabase"
                        + " WHERE s.setrole OPERATOR(pg_catalog.=) (SELECT oid FROM pg_catalog.pg_roles WHERE rolname OPERATOR(pg_catalog.=) :r)")
                .bind("r", NAME).mapTo(String.class).list();
        admin.execute(role.repairSql(limits, superuser, CONNECTION_LIMIT, databases));
    }

    /** HMAC-SHA-256 of the server's address under the admin's password: stable, and known only to who knows that. */
    static String password(ConnectionInfo admin) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] key = ("wb_learner:" + (admin.password() == null ? "" : admin.password())).getBytes(StandardCharsets.UTF_8);
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((admin.host() + ":" + admin.port()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive " + NAME + "'s password: " + e.getMessage(), e);
        }
    }
}
