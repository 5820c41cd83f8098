-- Task 5: Bonus: an index for login lookups (2 points)
--
-- Logins look users up by email, so make that lookup fast: create an index that serves
-- WHERE email = '...' (or a case-insensitive lookup WHERE lower(email) = lower('...')).
-- Before you write it, look at the indexes users already has (\d users in psql): what did
-- the UNIQUE on email give you?
--
-- Check your work:  ./jbang check lesson3 --task 5     Stuck?  ./jbang hint lesson3 5
-- Write your SQL below this line.

