-- Resource: disk. temp_file_limit does not apply to tables: rows written in a loop, as fast as the disk
-- allows, with no end.
{{SOLUTION}}
SET statement_timeout = 0;
CREATE TABLE wb_filler (filler text);
DO $$ BEGIN LOOP INSERT INTO wb_filler SELECT repeat('x', 1000) FROM generate_series(1, 10000); END LOOP; END $$;
