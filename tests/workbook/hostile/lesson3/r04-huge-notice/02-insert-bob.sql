-- Resource: the grader's memory, through one notice of 50 MB.
{{SOLUTION}}
DO $$ BEGIN RAISE NOTICE '%', repeat('x', 50000000); END $$;
