-- a trigger keeps updated_at right for every future UPDATE too
CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := clock_timestamp(); -- the statement's time; NOW() would be the transaction's
    RETURN NEW;
END;
$$;
CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
UPDATE users SET first_name = 'Alicia' WHERE email = 'alice@example.com';
