-- Task 1, solved: four new columns, and Alice kept.
--
-- Why not simply ADD COLUMN first_name VARCHAR(100) NOT NULL? users already
-- holds Alice, and PostgreSQL fills a new column with NULL (or its DEFAULT) for
-- every existing row; NOT NULL then fails with "column "first_name" of relation
-- "users" contains null values" (SQLSTATE 23502). Two ways out: give the column
-- a DEFAULT (every existing row gets it), or, as here, add it nullable, fill
-- Alice's row, then SET NOT NULL. The second gives Alice a real name rather
-- than a placeholder that stays the default for every later INSERT that forgets
-- the column.
--
-- One transaction, so the table is never left half-changed: if any statement
-- fails, none applies.
BEGIN;

-- One ALTER TABLE with several clauses takes the table's ACCESS EXCLUSIVE lock
-- once instead of four times. Since PostgreSQL 11, adding a nullable column, or
-- one with a constant DEFAULT, changes only the catalog (no row is rewritten);
-- the real costs here are that lock, building the UNIQUE index, and the scan of
-- every row that SET NOT NULL does below.
ALTER TABLE users
    ADD COLUMN first_name   VARCHAR(100),
    ADD COLUMN last_name    VARCHAR(100),
    -- UNIQUE builds an index; many NULLs are still allowed
    ADD COLUMN phone_number VARCHAR(20) UNIQUE,
    -- existing rows (Alice) get TRUE too
    ADD COLUMN is_active    BOOLEAN DEFAULT TRUE;

-- Fill the new NOT NULL columns for the row that is already there; updated_at
-- records the change.
UPDATE users
   SET first_name = 'Alice', last_name = 'Anderson', updated_at = NOW()
 WHERE email = 'alice@example.com';

-- Now every row has a value, so the constraint can be added.
ALTER TABLE users
    ALTER COLUMN first_name SET NOT NULL,
    ALTER COLUMN last_name  SET NOT NULL;

COMMIT;
