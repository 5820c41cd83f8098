-- Task 2: Insert Bob (4 points)
--
-- Insert Bob: email 'bob@example.com', a password hash (any placeholder text), and every new
-- field from task 1 set: first_name, last_name, phone_number, is_active (a default counts).
-- Leave Alice as she is.
--
-- Check your work:  ./jbang check lesson3 --task 2     Stuck?  ./jbang hint lesson3 2
-- Write your SQL below this line.

