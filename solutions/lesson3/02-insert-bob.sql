-- Task 2, solved: Bob with every new field set.
--
-- Name the columns: the INSERT keeps working when columns are added later, and
-- id, created_at and updated_at take their defaults (gen_random_uuid(), NOW()).
-- is_active is written out here, but leaving it out would also do: its DEFAULT
-- TRUE fills it.
INSERT INTO users (email, password_hash, first_name, last_name,
                   phone_number, is_active)
VALUES ('bob@example.com',
        '$2b$12$placeholderhashforbob00000000000000000000000000000',
        'Bob', 'Brown', '+1-555-0100', TRUE);
