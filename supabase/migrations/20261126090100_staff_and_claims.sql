-- Who works in the atlas and with which rights (DOMAIN.md §6–7). The server turns a verified
-- user into the claims Supabase's PostgREST would set:
--   { "sub": <user id>, "role": "authenticated",
--     "app_metadata": { "role": <app role>, "subdistricts": [<9-digit NBS codes>] } }
-- and every policy decides from those claims, on every backend alike.
--   editor  — a sub-district office (镇办): its own sub-districts' facts and progress
--   planner — the district housing bureau (区住建局): all planning data, publishing
--   leader  — reads everything, writes nothing
--   admin   — users and roles, and planning data as a planner
-- Any other or missing role is the least privileged signed-in user: published data only.

-- These helpers are PL/pgSQL: PostgreSQL cannot inline a security-definer SQL function and
-- runs its body afresh on every call (0.13 ms for editor_subdistricts), while PL/pgSQL keeps
-- its plans for the session (0.02–0.05 ms); an editor's map tile calls them about seven
-- times. Policies call each once per statement, as `(select private.…())`.

-- The app role of the caller; '' for the public and for unknown roles' holders alike.
create or replace function private.app_role() returns text
language plpgsql stable security definer set search_path = ''
as $$
begin
  return coalesce(auth.jwt() -> 'app_metadata' ->> 'role', '');
end
$$;

-- Planners and admins change any planning data and publish it.
create or replace function private.is_planner() returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return private.app_role() in ('planner', 'admin');
end
$$;

-- Staff who read every row, published or not.
create or replace function private.reads_everything() returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return private.app_role() in ('planner', 'leader', 'admin');
end
$$;

create or replace function private.is_admin() returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return private.app_role() = 'admin';
end
$$;

-- The sub-districts an editor answers for; empty for everyone else, so a claim of
-- sub-districts without the editor role grants nothing.
create or replace function private.editor_subdistricts() returns text[]
language plpgsql stable security definer set search_path = ''
as $$
declare
  metadata jsonb := auth.jwt() -> 'app_metadata';
begin
  if metadata ->> 'role' = 'editor' and jsonb_typeof(metadata -> 'subdistricts') = 'array' then
    return array(select jsonb_array_elements_text(metadata -> 'subdistricts'));
  end if;
  return '{}';
end
$$;

revoke execute on function private.app_role(), private.is_planner(), private.reads_everything(),
  private.is_admin(), private.editor_subdistricts() from public, anon, authenticated;
grant execute on function private.is_planner(), private.reads_everything(), private.is_admin(),
  private.editor_subdistricts() to authenticated;
grant execute on function private.app_role(), private.is_planner(), private.reads_everything(),
  private.is_admin(), private.editor_subdistricts() to service_role;

-- One row per member of staff: the source of their claims on every backend. The user id is
-- Supabase Auth's (auth.users.id) or the local account's (accounts.users.id).
create table if not exists public.staff (
  user_id uuid primary key,
  email text not null unique check (email = lower(email) and email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
  display_name text not null check (length(btrim(display_name)) between 1 and 60),
  app_role text not null check (app_role in ('editor', 'planner', 'leader', 'admin')),
  subdistricts text[] not null default '{}'
    check (array_to_string(subdistricts, ',') ~ '^([0-9]{9}(,[0-9]{9})*)?$'),
  disabled_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- An editor without a sub-district could edit nothing; say so when it is saved.
  constraint staff_editor_has_subdistricts check (app_role <> 'editor' or cardinality(subdistricts) > 0)
);

-- Sub-district codes must name real sub-districts (an array cannot carry a foreign key).
create or replace function private.check_staff_subdistricts() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  unknown text;
begin
  select s into unknown from unnest(new.subdistricts) s
  where not exists (select 1 from public.subdistricts d where d.code = s) limit 1;
  if unknown is not null then
    raise exception 'unknown sub-district %', unknown using errcode = '23503';
  end if;
  return new;
end
$$;
revoke execute on function private.check_staff_subdistricts() from public;
drop trigger if exists staff_subdistricts_exist on public.staff;
create trigger staff_subdistricts_exist before insert or update of subdistricts on public.staff
  for each row execute function private.check_staff_subdistricts();

alter table public.staff enable row level security;
grant select, insert, update, delete on public.staff to authenticated;
grant all on public.staff to service_role;

-- Everyone reads their own row (the server builds the claims from it); admins manage all.
drop policy if exists "Staff read their own row, admins all" on public.staff;
create policy "Staff read their own row, admins all" on public.staff
  for select to authenticated using (user_id = (select auth.uid()) or (select private.is_admin()));
drop policy if exists "Admins add staff" on public.staff;
create policy "Admins add staff" on public.staff
  for insert to authenticated with check ((select private.is_admin()));
drop policy if exists "Admins change staff" on public.staff;
create policy "Admins change staff" on public.staff
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
drop policy if exists "Admins remove staff" on public.staff;
create policy "Admins remove staff" on public.staff
  for delete to authenticated using ((select private.is_admin()));
