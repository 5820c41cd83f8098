INSERT INTO users (email, password_hash, first_name, last_name)
VALUES ('bob@example.com', 'x', 'Bob', 'Brown');
