-- Task 5 (bonus), solved: an index for login lookups.
--
-- email is declared UNIQUE, and PostgreSQL enforces UNIQUE with an index (users_email_key, see
-- \d users), so WHERE email = '...' is already an index lookup. A second plain index on email would
-- only be another structure to update on every INSERT, UPDATE and DELETE.
--
-- What logins do need is a case-insensitive match: people type Alice@Example.com. An index on the
-- expression lower(email) serves WHERE lower(email) = lower('...'), which the unique index cannot.
CREATE INDEX users_email_lower_idx ON users (lower(email));
