-- Task 3: Update Alice (4 points)
--
-- Change Alice's first_name to 'Alicia', and move her updated_at forward to the time of the
-- change. Only Alice's row may change: Bob stays exactly as he is.
--
-- Check your work:  ./jbang check lesson3 --task 3     Stuck?  ./jbang hint lesson3 3
-- Write your SQL below this line.

