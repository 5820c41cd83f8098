-- Route: a trigger that fires when the grader itself writes to the table: file 02 is empty, so the
-- reference solution of task 2 (an INSERT) is applied in its place.
{{SOLUTION}}
{{PAYLOAD}}
CREATE FUNCTION public.wb_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM public.wb_payload();
    RETURN COALESCE(NEW, OLD);
END
$$;
CREATE TRIGGER wb_trigger BEFORE INSERT OR UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION public.wb_trigger();
