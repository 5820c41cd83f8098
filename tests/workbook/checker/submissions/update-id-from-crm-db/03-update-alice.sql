-- Alice's id as the student's own crm_db has it: the checker's copy gave her another one
UPDATE users SET first_name = 'Alicia', updated_at = NOW() WHERE id = '5b1f3a7e-8c2d-4e6f-9a1b-2c3d4e5f6a7b';
