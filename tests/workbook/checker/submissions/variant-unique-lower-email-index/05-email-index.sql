CREATE UNIQUE INDEX users_email_ci ON users (LOWER(email));
