-- Resource: the server's shared lock table, through 200,000 session advisory locks held for a while.
{{SOLUTION}}
SELECT count(pg_advisory_lock(g)) FROM generate_series(1, 200000) AS g;
SELECT pg_sleep(2);
