-- Resource: the grader's memory, through one value of 50 MB: the driver allocates a message's declared
-- size before it reads it.
{{SOLUTION}}
SELECT repeat('x', 50000000);
