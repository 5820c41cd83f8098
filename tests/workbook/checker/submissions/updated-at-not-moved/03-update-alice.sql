UPDATE users SET first_name = 'Alicia' WHERE email = 'alice@example.com';
