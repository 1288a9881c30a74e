-- Bootstrap for a plain PostgreSQL/PostGIS or the embedded PGlite database.
-- A Supabase project already has these roles, the auth schema and its helpers; this file
-- recreates just the parts our migrations and the app use, so the same migrations apply
-- unchanged everywhere. It is idempotent; the app's runner applies it to every database
-- that is not a Supabase project (no supabase_admin role), and it can be run by hand with
-- psql before `supabase db push` against a plain PostgreSQL.

-- The three API roles Supabase's PostgREST switches between.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  -- The login the app connects as, by Supabase's convention: no rights of its own
  -- (noinherit), only the right to switch into the API roles for each request. Give it a
  -- password (alter role authenticator password '...') to connect from elsewhere.
  if not exists (select 1 from pg_roles where rolname = 'authenticator') then
    create role authenticator login noinherit nosuperuser nocreatedb nocreaterole nobypassrls;
  end if;
end
$$;
grant anon, authenticated, service_role to authenticator;

create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

-- The claims of the request's JWT, as PostgREST sets them with set_config('request.jwt.claims', ...).
create or replace function auth.jwt() returns jsonb
language sql stable set search_path = ''
as $$
  select coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb
$$;

-- The user id (the JWT's sub claim), null for the public.
create or replace function auth.uid() returns uuid
language sql stable set search_path = ''
as $$
  select nullif(auth.jwt() ->> 'sub', '')::uuid
$$;

-- The JWT's role claim (anon, authenticated or service_role).
create or replace function auth.role() returns text
language sql stable set search_path = ''
as $$
  select nullif(auth.jwt() ->> 'role', '')
$$;

grant execute on all functions in schema auth to anon, authenticated, service_role;
