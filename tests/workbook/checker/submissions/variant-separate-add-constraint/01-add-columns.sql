alter table users add column first_name character varying(100);
alter table users add column last_name character varying(100);
alter table users add column phone_number character varying(20);
alter table users add column is_active bool;
alter table users alter column is_active set default true;
alter table users add constraint users_phone_number_unique unique (phone_number);
update users set first_name = 'Alice', last_name = 'Anderson';
alter table users alter column first_name set not null;
alter table users alter column last_name set not null;
