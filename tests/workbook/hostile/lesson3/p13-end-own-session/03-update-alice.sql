-- Route: the file ends its own session half-way; the grader must carry on with the next file and the
-- next student.
{{SOLUTION}}
SELECT pg_terminate_backend(pg_backend_pid());
SELECT 'never runs';
