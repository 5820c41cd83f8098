ALTER TABLE users ADD COLUMN first_name VARCHAR(100), ADD COLUMN last_name VARCHAR(100),
    ADD COLUMN phone_number VARCHAR(20), ADD COLUMN is_active BOOLEAN DEFAULT TRUE;
UPDATE users SET first_name = 'Alice', last_name = 'Anderson' WHERE email = 'alice@example.com';
ALTER TABLE users ALTER COLUMN first_name SET NOT NULL, ALTER COLUMN last_name SET NOT NULL;
