-- The hostile corpus's payload: a shell command that runs if, and only if, whoever calls the function
-- may run programs on the server (a superuser, or a member of pg_execute_server_program). For the
-- sandbox role it is a no-op, so a marker file on disk proves that a payload ran with more rights
-- than its author. The test replaces {{MARKER}} with a file name of its own.
CREATE FUNCTION public.wb_payload() RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('COPY (SELECT session_user, current_user) TO PROGRAM %L', 'cat >> {{MARKER}}');
    RETURN true;
EXCEPTION WHEN insufficient_privilege THEN
    RETURN true;
END
$$;

-- The same, in the shapes other routes need: text in and out, and declared IMMUTABLE (a lie) so an
-- index expression may call it.
CREATE FUNCTION public.wb_payload_text(value text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    PERFORM public.wb_payload();
    RETURN value;
END
$$;
