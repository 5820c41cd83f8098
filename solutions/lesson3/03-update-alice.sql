-- Task 3, solved: Alice becomes Alicia, and updated_at says when.
--
-- The WHERE clause is what keeps Bob unchanged: an UPDATE without WHERE changes
-- every row. Match on email (unique) rather than first_name, which several
-- users may share. NOW() is the start time of the current transaction, so every
-- row changed in one transaction gets the same updated_at.
-- statement_timestamp() would give the start of this statement instead;
-- clock_timestamp() moves on even between the rows of one statement.
UPDATE users
   SET first_name = 'Alicia',
       updated_at = NOW()
 WHERE email = 'alice@example.com';
