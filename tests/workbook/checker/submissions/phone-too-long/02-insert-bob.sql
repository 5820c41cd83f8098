INSERT INTO users (email, password_hash, first_name, last_name, phone_number)
VALUES ('bob@example.com', 'x', 'Bob', 'Brown', '+1 (555) 010-0100 ext. 12');
