-- saved as Latin-1
INSERT INTO users (email, password_hash, first_name, last_name, phone_number)
VALUES ('bob@example.com', 'x', 'Bjørn', 'Brown', '+1-555-0100');
