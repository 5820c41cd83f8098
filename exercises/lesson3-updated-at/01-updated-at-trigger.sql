-- Task 1: A trigger that moves updated_at (3 points)
--
-- Write a trigger function that sets NEW.updated_at to now() and returns NEW, and a trigger that
-- runs it BEFORE UPDATE on users, FOR EACH ROW. Then any UPDATE moves updated_at forward, even one
-- that forgets to mention it. Change no data: Alice stays as she is.
--
-- Check your work:  ./jbang check lesson3-updated-at --task 1     Stuck?  ./jbang hint lesson3-updated-at 1
-- Write your SQL below this line.

