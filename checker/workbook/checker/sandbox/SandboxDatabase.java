package workbook.checker.sandbox;

/**
 * What a database needs from its admin before untrusted SQL runs in it, said right after it is made from
 * template0 (so nothing untrusted is in it yet): the right to create tables in public for the sandbox's
 * role, which PostgreSQL 15 no longer gives everyone; no advisory locks for anyone, since they live in the
 * lock table the whole server shares and no exercise needs them; and an event trigger that refuses DDL
 * past {@link SandboxLimits#objects()} tables, indexes, types and functions, each of which a transaction
 * could lock. It counts after every command that could add one: DROP, GRANT and REVOKE cannot, and they
 * are most of what a grading job's reset runs. The last two only a superuser may do; without one they
 * are left out.
 */
public final class SandboxDatabase {
    private SandboxDatabase() {
    }

    /** The admin's statement, on the new database, for the role (or group) {@code grantee}. */
    public static String openTo(String grantee, SandboxLimits limits) {
        String role = "'" + grantee.replace("'", "''") + "'";
        return """
                DO $do$
                BEGIN
                    IF NOT pg_catalog.has_schema_privilege(%1$s, 'public', 'CREATE') THEN
                        EXECUTE pg_catalog.format('GRANT USAGE, CREATE ON SCHEMA public TO %%I', %1$s);
                    END IF;
                    IF (SELECT r.rolsuper FROM pg_catalog.pg_roles AS r WHERE r.rolname OPERATOR(pg_catalog.=) CURRENT_USER) THEN
                        EXECUTE (SELECT pg_catalog.string_agg(pg_catalog.format('REVOKE EXECUTE ON FUNCTION %%s FROM PUBLIC',
                                        p.oid::pg_catalog.regprocedure), '; ')
                                   FROM pg_catalog.pg_proc AS p
                                  WHERE p.pronamespace OPERATOR(pg_catalog.=) 'pg_catalog'::pg_catalog.regnamespace
                                    AND p.proname OPERATOR(pg_catalog.~) '^pg_(try_)?advisory_(xact_)?lock(_shared)?$');
                        CREATE FUNCTION public.wb_sandbox_objects() RETURNS event_trigger LANGUAGE plpgsql
                            SET search_path = pg_catalog, pg_temp AS $f$
                        BEGIN
                            IF TG_TAG OPERATOR(pg_catalog.~~) 'DROP%%' OR TG_TAG OPERATOR(pg_catalog.=) ANY (ARRAY['GRANT', 'REVOKE']) THEN
                                RETURN;
                            END IF;
                            IF (SELECT pg_catalog.count(*) FROM pg_catalog.pg_class AS c WHERE c.oid OPERATOR(pg_catalog.>=) 16384)
                               OPERATOR(pg_catalog.+) (SELECT pg_catalog.count(*) FROM pg_catalog.pg_proc AS p WHERE p.oid OPERATOR(pg_catalog.>=) 16384)
                               OPERATOR(pg_catalog.+) (SELECT pg_catalog.count(*) FROM pg_catalog.pg_type AS t WHERE t.oid OPERATOR(pg_catalog.>=) 16384)
                               OPERATOR(pg_catalog.>) %2$d THEN
                                RAISE EXCEPTION 'more than %2$d tables, indexes, types and functions: the most a submission may have at once'
                                    USING ERRCODE = 'program_limit_exceeded';
                            END IF;
                        END
                        $f$;
                        CREATE EVENT TRIGGER wb_sandbox_objects ON ddl_command_end EXECUTE FUNCTION public.wb_sandbox_objects();
                    END IF;
                END
                $do$""".formatted(role, limits.objects());
    }
}
