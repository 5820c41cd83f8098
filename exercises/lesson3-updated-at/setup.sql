-- The lesson's end state, as steps 3 and 4 of lesson3 leave crm_db: the users table and Alice.
-- The checker builds its reference states from this file (state 0 is this file alone) and copies one for every check run.
CREATE TABLE users (
    id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    email         VARCHAR(255) UNIQUE NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

INSERT INTO users (email, password_hash)
VALUES ('alice@example.com', '$2b$12$placeholderhashforalice000000000000000000000000000');
