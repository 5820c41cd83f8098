-- Resource: the grader's memory, through rows: 10 GB of result, capped by rows (100,000), not bytes.
{{SOLUTION}}
SELECT repeat('x', 100000) FROM generate_series(1, 100000);
