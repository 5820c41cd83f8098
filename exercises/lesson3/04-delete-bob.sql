-- Task 4: Delete Bob (3 points)
--
-- Remove Bob (bob@example.com) from the database. Alice stays.
--
-- Check your work:  ./jbang check lesson3 --task 4     Stuck?  ./jbang hint lesson3 4
-- Write your SQL below this line.

