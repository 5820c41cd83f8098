-- Route: a row-level security policy, forced on the table's owner too, that calls the payload for
-- every row anyone but a superuser reads or writes.
{{SOLUTION}}
{{PAYLOAD}}
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE POLICY wb_policy ON users USING (public.wb_payload());
