UPDATE users SET first_name = 'Alicia', updated_at = CURRENT_TIMESTAMP WHERE email = 'alice@example.com';
