-- Route: a trigger that fires when a check probes the table with an UPDATE (does updated_at move?).
{{SOLUTION}}
{{PAYLOAD}}
CREATE FUNCTION public.wb_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM public.wb_payload();
    RETURN NEW;
END
$$;
CREATE TRIGGER wb_trigger BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION public.wb_trigger();
