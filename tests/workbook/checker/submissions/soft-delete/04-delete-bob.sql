-- deactivate instead of delete
UPDATE users SET is_active = FALSE WHERE email = 'bob@example.com';
