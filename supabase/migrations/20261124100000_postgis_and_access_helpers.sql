-- Every file here can be applied again without harm (`if not exists`, `create or replace`,
-- policies dropped before they are created), so a database set up by hand with psql, by
-- the Supabase CLI or by the app's runner converges to the same schema.

-- Spatial types and functions for every geometry in the atlas, in the `extensions` schema
-- as on Supabase: an extension in the API-exposed public schema cannot be moved later.
-- Objects below name its types and functions with the schema, so they do not depend on
-- anyone's search_path.
create schema if not exists extensions;
grant usage on schema extensions to anon, authenticated, service_role;
create extension if not exists postgis with schema extensions;
-- `if not exists` keeps an existing PostGIS wherever it is; one in public (installed by
-- hand, by habit) would leave every geometry column below failing obscurely.
do $$
begin
  if (select extnamespace::regnamespace::text from pg_extension where extname = 'postgis') <> 'extensions' then
    raise exception 'PostGIS is installed in a schema other than extensions'
      using hint = 'Drop it (drop extension postgis) before migrating, or migrate a new database.';
  end if;
end
$$;

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

-- Functions are executable by everyone unless revoked. Only signed-in users' policies ask
-- is_planner(), which reads app_role() with its owner's rights.
revoke execute on function private.app_role(), private.is_planner() from public, anon, authenticated;
grant execute on function private.is_planner() to authenticated;
grant execute on function private.app_role(), private.is_planner() to service_role;
