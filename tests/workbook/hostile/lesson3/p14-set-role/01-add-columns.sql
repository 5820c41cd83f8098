-- Route: SET ROLE to every role the sandbox role is a member of, then the payload as that role; and
-- SET SESSION AUTHORIZATION, which only a superuser's session may use.
{{SOLUTION}}
{{PAYLOAD}}
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT roleid::regrole::text AS name FROM pg_auth_members WHERE member = current_user::regrole LOOP
        EXECUTE format('SET ROLE %I', r.name);
        PERFORM public.wb_payload();
        RESET ROLE;
    END LOOP;
END
$$;
SET SESSION AUTHORIZATION {{ADMIN_USER}};
