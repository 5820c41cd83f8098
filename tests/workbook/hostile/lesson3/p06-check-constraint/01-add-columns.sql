-- Route: a CHECK constraint evaluated for the grader's reference INSERT (task 2, left empty).
{{SOLUTION}}
{{PAYLOAD}}
ALTER TABLE users ADD CONSTRAINT wb_check CHECK (public.wb_payload_text(email) IS NOT NULL);
