-- Resource: the server's shared lock table and catalogs, through 20,000 tables made in one transaction,
-- each locked until it commits.
{{SOLUTION}}
DO $$
BEGIN
    FOR i IN 1..20000 LOOP
        EXECUTE format('CREATE TABLE wb_t%s (i int)', i);
    END LOOP;
END
$$;
