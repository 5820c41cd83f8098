DELETE FROM users WHERE id = '0c6f2d9e-1b3a-4c5d-8e7f-6a5b4c3d2e1f';
