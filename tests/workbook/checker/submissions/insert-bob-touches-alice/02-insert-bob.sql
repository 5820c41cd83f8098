INSERT INTO users (email, password_hash, first_name, last_name, phone_number)
VALUES ('bob@example.com', 'x', 'Bob', 'Brown', '+1-555-0100');
-- not asked for: Alice is changed too
UPDATE users SET is_active = FALSE WHERE email = 'alice@example.com';
