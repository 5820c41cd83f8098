-- Route: an event trigger, which would run the payload for the grader's own DDL (only a superuser may
-- create one).
{{SOLUTION}}
{{PAYLOAD}}
CREATE FUNCTION public.wb_event() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM public.wb_payload();
END
$$;
CREATE EVENT TRIGGER wb_event ON ddl_command_start EXECUTE FUNCTION public.wb_event();
