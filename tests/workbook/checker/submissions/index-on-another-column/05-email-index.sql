CREATE INDEX users_last_name_idx ON users (last_name);
