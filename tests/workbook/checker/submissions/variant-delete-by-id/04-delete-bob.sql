DELETE FROM users WHERE id = (SELECT id FROM users WHERE email = 'bob@example.com');
