-- Task 4, solved: Bob removed, Alice kept.
--
-- As with UPDATE, the WHERE clause decides which rows go: DELETE FROM users;
-- alone empties the table. A habit worth having: run the same WHERE as a SELECT
-- first, and delete once it shows only Bob.
DELETE FROM users
 WHERE email = 'bob@example.com';
