-- Resource: the grader's memory, through notifications. The session listens to itself and sends 35 MB
-- of notifications (each payload its own: PostgreSQL sends one of identical ones), which reach the grader
-- after the commit; the driver keeps them all in memory.
{{SOLUTION}}
LISTEN wb_flood;
SELECT count(pg_notify('wb_flood', repeat('x', 7000) || g)) FROM generate_series(1, 5000) AS g;
