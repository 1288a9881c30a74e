-- Communities (小区/院落/组团) in the renovation programme and their residential buildings.

-- One community: its boundary, the facts that decide eligibility (DOMAIN.md §2), the batch
-- it was planned in and its size. Rows stay private to staff until published.
create table if not exists public.communities (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  subdistrict_code text not null references public.subdistricts (code),
  boundary extensions.geometry(MultiPolygon, 4326) not null check (extensions.st_isvalid(boundary)),
  built_year smallint not null check (built_year between 1900 and 2100),
  land_tenure text not null check (land_tenure in ('state_owned', 'collective')),
  in_city_or_county_seat boolean not null default true,
  in_redevelopment_plan boolean not null default false,   -- 棚户区/城中村 plan in the last ten years
  mostly_self_built boolean not null default false,       -- 居民自建自住为主
  poorly_maintained boolean not null default true,        -- 失养失修失管
  lacks_facilities boolean not null default true,         -- 配套设施不完善
  residents_support_pct numeric(5, 2) check (residents_support_pct between 0 and 100),
  batch_year smallint check (batch_year between 2000 and 2100),
  households integer not null check (households >= 0),
  residents integer check (residents >= 0),
  floor_area_m2 numeric(12, 2) not null check (floor_area_m2 >= 0),
  property_management text not null
    check (property_management in ('none', 'simple', 'professional')),
  is_demo boolean not null default false,                 -- generated 示例数据, not official
  published boolean not null default false,
  updated_at timestamptz not null default now(),
  -- The hard criteria of DOMAIN.md §2; the soft ones (run down, lacking facilities,
  -- residents' wish) are judged by people and kept as facts beside it.
  meets_hard_criteria boolean generated always as (
    built_year <= 2005
    and land_tenure = 'state_owned'
    and in_city_or_county_seat
    and not in_redevelopment_plan
    and not mostly_self_built
  ) stored
);
create index if not exists communities_boundary_gix on public.communities using gist (boundary);
create index if not exists communities_subdistrict_code_idx on public.communities (subdistrict_code);
create index if not exists communities_batch_year_idx on public.communities (batch_year);

-- A residential building (楼栋) inside a community.
create table if not exists public.buildings (
  id uuid primary key default gen_random_uuid(),
  community_id uuid not null references public.communities (id) on delete cascade,
  code text not null unique,
  name text not null,
  footprint extensions.geometry(Polygon, 4326) not null check (extensions.st_isvalid(footprint)),
  floors smallint not null check (floors between 1 and 60),
  height_m numeric(6, 2) not null check (height_m > 0),
  units smallint not null check (units >= 1),            -- 单元
  households integer not null check (households >= 0),
  floor_area_m2 numeric(12, 2) not null check (floor_area_m2 > 0),
  built_year smallint not null check (built_year between 1900 and 2100),
  elevator text not null
    check (elevator in ('none', 'existing', 'retrofit_planned', 'retrofitted')),
  is_demo boolean not null default false,
  updated_at timestamptz not null default now()
);
create index if not exists buildings_footprint_gix on public.buildings using gist (footprint);
create index if not exists buildings_community_id_idx on public.buildings (community_id);

-- Whether a community is visible to the public; security definer so that policies on
-- child tables can ask without the caller needing rights on communities.
create or replace function private.community_is_published(target uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.communities c where c.id = target and c.published)
$$;
revoke execute on function private.community_is_published(uuid) from public;
grant execute on function private.community_is_published(uuid) to anon, authenticated, service_role;

alter table public.communities enable row level security;
alter table public.buildings enable row level security;

grant select on public.communities, public.buildings to anon, authenticated;
grant insert, update, delete on public.communities, public.buildings to authenticated;
grant all on public.communities, public.buildings to service_role;

drop policy if exists "The public can read published communities" on public.communities;
create policy "The public can read published communities" on public.communities
  for select to anon using (published);
drop policy if exists "Users see published communities, planners all" on public.communities;
create policy "Users see published communities, planners all" on public.communities
  for select to authenticated using (published or (select private.is_planner()));
drop policy if exists "Planners can add communities" on public.communities;
create policy "Planners can add communities" on public.communities
  for insert to authenticated with check ((select private.is_planner()));
drop policy if exists "Planners can change communities" on public.communities;
create policy "Planners can change communities" on public.communities
  for update to authenticated
  using ((select private.is_planner())) with check ((select private.is_planner()));
drop policy if exists "Planners can remove communities" on public.communities;
create policy "Planners can remove communities" on public.communities
  for delete to authenticated using ((select private.is_planner()));

drop policy if exists "The public can read buildings of published communities" on public.buildings;
create policy "The public can read buildings of published communities" on public.buildings
  for select to anon using (private.community_is_published(community_id));
drop policy if exists "Users see buildings of published communities, planners all" on public.buildings;
create policy "Users see buildings of published communities, planners all" on public.buildings
  for select to authenticated
  using ((select private.is_planner()) or private.community_is_published(community_id));
drop policy if exists "Planners can add buildings" on public.buildings;
create policy "Planners can add buildings" on public.buildings
  for insert to authenticated with check ((select private.is_planner()));
drop policy if exists "Planners can change buildings" on public.buildings;
create policy "Planners can change buildings" on public.buildings
  for update to authenticated
  using ((select private.is_planner())) with check ((select private.is_planner()));
drop policy if exists "Planners can remove buildings" on public.buildings;
create policy "Planners can remove buildings" on public.buildings
  for delete to authenticated using ((select private.is_planner()));
