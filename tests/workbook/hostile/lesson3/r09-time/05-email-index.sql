-- Resource: time. statement_timeout turned off, and a loop that swallows the cancel anyway.
{{SOLUTION}}
SET statement_timeout = 0;
DO $$ BEGIN LOOP BEGIN PERFORM pg_sleep(0.1); EXCEPTION WHEN query_canceled THEN NULL; END; END LOOP; END $$;
