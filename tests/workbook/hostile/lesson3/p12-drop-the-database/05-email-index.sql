-- Route: the server's other databases. The one the grader (or check) connects to as its administrator
-- is dropped, renamed, or has its connections ended.
{{SOLUTION}}
DROP DATABASE {{ADMIN_DATABASE}} WITH (FORCE);
ALTER DATABASE {{ADMIN_DATABASE}} RENAME TO wb_gone;
ALTER DATABASE {{ADMIN_DATABASE}} CONNECTION LIMIT 0;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid();
