-- Resource: the grader's memory, through one notice of 20 MB.
{{SOLUTION}}
DO $$ BEGIN RAISE NOTICE '%', repeat('x', 20000000); END $$;
