-- Spatial types and functions for every geometry in the atlas.
create extension if not exists postgis;

-- Helpers that policies call; kept out of the API-exposed public schema.
create schema if not exists private;
grant usage on schema private to anon, authenticated, service_role;

-- The application role a signed-in user holds, from the JWT's app_metadata (set by the
-- server, never by the user). 'planner' staff at 住建局 / 镇办 edit; others only read.
create or replace function private.app_role() returns text
language sql stable security definer set search_path = ''
as $$
  select coalesce(auth.jwt() -> 'app_metadata' ->> 'role', '')
$$;

-- True for staff who may change plans, progress and geometry.
create or replace function private.is_planner() returns boolean
language sql stable security definer set search_path = ''
as $$
  select private.app_role() in ('planner', 'admin')
$$;

grant execute on function private.app_role() to anon, authenticated, service_role;
grant execute on function private.is_planner() to anon, authenticated, service_role;
