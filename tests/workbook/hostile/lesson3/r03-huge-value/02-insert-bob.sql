-- Resource: the grader's memory, through one value of 20 MB: the driver allocates a message's declared
-- size before it reads it.
{{SOLUTION}}
SELECT repeat('x', 20000000);
