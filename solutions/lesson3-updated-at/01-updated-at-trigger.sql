-- Task 1, solved: the database, not every caller, keeps updated_at right.
--
-- A BEFORE UPDATE ... FOR EACH ROW trigger sees the new version of each row as
-- NEW and may change it before it is written; returning NEW writes it. An AFTER
-- trigger would be too late. now() is the start of the transaction, so rows
-- changed together share one updated_at. CREATE OR REPLACE and DROP TRIGGER IF
-- EXISTS let the file run again without an error.
CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

DROP TRIGGER IF EXISTS users_set_updated_at ON users;
CREATE TRIGGER users_set_updated_at
    BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
