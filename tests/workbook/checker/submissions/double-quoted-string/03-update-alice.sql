UPDATE users SET first_name = "Alicia", updated_at = NOW() WHERE email = 'alice@example.com';
