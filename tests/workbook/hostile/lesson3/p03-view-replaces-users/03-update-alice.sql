-- Route: users renamed, and a view of that name in its place whose filter calls the payload for
-- every row whoever reads "users" looks at.
{{SOLUTION}}
{{PAYLOAD}}
ALTER TABLE users RENAME TO users_data;
CREATE VIEW users AS SELECT * FROM users_data WHERE public.wb_payload();
